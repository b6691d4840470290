package org.vitaleterminal.hal.camera;

import java.time.Duration;

/**
 * The sources' only view of time: frame pacing, stall detection and restart backoff go through
 * it, so tests step through a whole scenario without waiting for real time to pass.
 */
public interface CameraTime {

    /** A monotonic reading in nanoseconds (only differences mean something). */
    long nanoTime();

    /** Pauses the calling thread; non-positive durations return at once. */
    void sleep(Duration duration) throws InterruptedException;

    /** {@link System#nanoTime()} and {@link Thread#sleep}. */
    static CameraTime system() {
        return SystemCameraTime.INSTANCE;
    }
}
