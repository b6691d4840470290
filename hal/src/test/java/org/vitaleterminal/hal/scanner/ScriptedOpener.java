package org.vitaleterminal.hal.scanner;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Opens the devices of a script in turn ({@code null} = not plugged in: the open fails), then
 * counts down {@link #exhausted} and blocks until the scanner's close() interrupts it: by then
 * every byte of the script was read and decoded on the scanner's thread. Blocking rather than
 * failing keeps the scanner from retrying (and asking for more pauses) between the end of the
 * script and the test's close(), so the pauses a test sees do not depend on timing.
 */
public final class ScriptedOpener implements RawDevice.Opener {
    /** One step: open this device, or fail when null. */
    @FunctionalInterface
    public interface Step {
        RawDevice open() throws IOException;
    }

    private final Deque<Step> steps;
    public final CountDownLatch exhausted = new CountDownLatch(1);

    public ScriptedOpener(List<Step> steps) {
        this.steps = new ArrayDeque<>(steps);
    }

    @Override
    public RawDevice open() throws IOException {
        Step step = steps.poll();
        if (step == null) {
            exhausted.countDown();
            try {
                new CountDownLatch(1).await(); // only an interrupt ends this
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new InterruptedIOException("unplugged (end of the test script)");
        }
        RawDevice device = step.open();
        if (device == null) {
            throw new IOException("not plugged in (test script)");
        }
        return device;
    }
}
