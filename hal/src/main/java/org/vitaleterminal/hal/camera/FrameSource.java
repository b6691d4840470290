package org.vitaleterminal.hal.camera;

import java.time.Duration;
import java.util.Optional;

/**
 * A camera, or anything that stands in for one: frames arrive on the source's own thread and
 * the scan loop takes the newest one when it is ready for it.
 *
 * <p><b>Newest frame wins.</b> A source keeps at most one frame the consumer has not taken; a
 * newer frame replaces it (counted as dropped). A slow decoder therefore always works on the most
 * recent picture and never makes a queue grow, and the source never waits for the consumer.
 * Buffers are recycled from a small fixed set, so a steady stream allocates nothing.
 *
 * <p>Usage from one consumer thread:
 * <pre>{@code
 * try (FrameSource camera = FrameSources.open("rpicam:width=1280,height=720,fps=30", options)) {
 *     camera.start();
 *     while (running) {
 *         Optional<LumaFrame> frame = camera.next(Duration.ofMillis(100));
 *         frame.ifPresent(decoder::decode);        // valid until the next call of next()
 *     }
 * }
 * }</pre>
 *
 * <p>Failures never reach the consumer as exceptions: a capture process that dies or stalls is
 * restarted with backoff in the background, and {@link #status()} says what is going on.
 */
public interface FrameSource extends AutoCloseable {

    /**
     * Starts capturing in the background and returns at once; a second call does nothing.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    void start();

    /**
     * Takes the newest frame the consumer has not taken yet, waiting at most {@code maxWait} for
     * one to arrive ({@link Duration#ZERO}: do not wait). The frame's array belongs to the caller
     * until its next call of this method, after which the source may write into it again; a
     * consumer that keeps pixels longer copies them, and none writes into them.
     *
     * <p>Meant for one consumer thread.
     *
     * @return the frame, or empty when none came in time or the source is closed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    Optional<LumaFrame> next(Duration maxWait) throws InterruptedException;

    /** What the source is doing and its frame counters, for status pages and selftest. */
    SourceStatus status();

    /** A short description for status, e.g. {@code rpicam 1280x720@30}; never personal data. */
    String describe();

    /**
     * Stops capturing: ends the capture process and threads (bounded waits), and wakes a
     * consumer waiting in {@link #next}. Idempotent.
     */
    @Override
    void close();
}
