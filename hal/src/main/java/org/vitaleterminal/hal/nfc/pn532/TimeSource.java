package org.vitaleterminal.hal.nfc.pn532;

import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * The driver's only view of time. Every deadline and pause of the PN532 driver goes through
 * it, so tests run a whole timeout scenario in microseconds with a fake, and the driver never
 * needs a thread of its own to wait.
 */
public interface TimeSource {

    /** A monotonic reading in nanoseconds (only differences mean something). */
    long nanoTime();

    /**
     * Pauses the calling thread. Non-positive durations return at once.
     *
     * @throws InterruptedIOException when the thread is interrupted (the interrupt flag is set
     *                                again, so the caller's own loop sees it too)
     */
    void sleep(Duration duration) throws InterruptedIOException;

    /** The system's monotonic clock and {@link Thread#sleep}. */
    static TimeSource system() {
        return SystemTime.INSTANCE;
    }
}
