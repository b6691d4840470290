package org.vitaleterminal.hal.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time that moves only when a source sleeps or the test says so. Gated: each sleep waits until the
 * test {@link #allow}s it, so a test steps a source frame by frame or restart by restart. Free:
 * sleeps return at once. Either way a sleep advances the clock by its duration and is recorded.
 */
public final class ManualTime implements CameraTime {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final Semaphore permits;
    private final List<Duration> sleeps = new ArrayList<>();

    private ManualTime(boolean gated) {
        permits = new Semaphore(gated ? 0 : Integer.MAX_VALUE);
    }

    /** Every sleep waits for {@link #allow}. */
    public static ManualTime gated() {
        return new ManualTime(true);
    }

    /** Sleeps return at once. */
    public static ManualTime free() {
        return new ManualTime(false);
    }

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        synchronized (sleeps) {
            sleeps.add(duration);
        }
        permits.acquire();
        now.addAndGet(duration.toNanos());
    }

    /** Lets {@code n} more sleeps end. */
    public void allow(int n) {
        permits.release(n);
    }

    public void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    /** Sleeps asked for so far (including one that is waiting). */
    public List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }
}
