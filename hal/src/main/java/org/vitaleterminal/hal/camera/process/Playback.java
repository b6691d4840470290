package org.vitaleterminal.hal.camera.process;

/** What the end of a capture process's output means. */
public enum Playback {
    /** A live camera: the stream never ends normally, so any end is a failure and is restarted with backoff. */
    LIVE,
    /** A recording shown once at its frame rate: a clean end means done ({@link org.vitaleterminal.hal.camera.SourceState#IDLE}). */
    ONCE,
    /** A recording shown again and again: a clean end starts it over at once. */
    LOOP
}
