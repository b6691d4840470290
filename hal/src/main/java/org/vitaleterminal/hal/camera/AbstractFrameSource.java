package org.vitaleterminal.hal.camera;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link FrameSource} plumbing every source shares: a {@link FrameHandoff} the producer
 * publishes into and {@link #next} takes from, a {@link StatusBoard} for {@link #status()}, and the
 * start/close lifecycle (start once, start after close is an error, close is idempotent, stops the
 * board, wakes the consumer and ends the producer thread).
 *
 * <p>A subclass says what its first {@link #start()} does in {@link #begin()}, usually
 * {@link #startProducer(Runnable)}: a daemon thread named after the source that publishes frames
 * until {@link #isClosed()}; {@link #close()} interrupts it and waits for it a bounded time.
 */
public abstract class AbstractFrameSource implements FrameSource {
    /** Producer side, for subclasses. */
    protected final FrameHandoff handoff = new FrameHandoff();
    /** Producer side, for subclasses. */
    protected final StatusBoard board = new StatusBoard();

    private final String description;
    private final Duration joinBound;
    private final Object lifecycle = new Object();
    private boolean started;
    private Thread producer;
    private volatile boolean closed;

    /**
     * @param description for {@link #describe()} and the producer thread's name
     * @param joinBound   how long {@link #close()} waits for the producer thread to end
     */
    protected AbstractFrameSource(String description, Duration joinBound) {
        this.description = Objects.requireNonNull(description, "description");
        this.joinBound = Objects.requireNonNull(joinBound, "joinBound");
    }

    /** What the first {@link #start()} does; runs under the lifecycle lock, so it must not block. */
    protected abstract void begin();

    /** For {@link #begin()}: shows {@link SourceState#STARTING} and runs {@code body} on the producer thread. */
    protected final void startProducer(Runnable body) {
        board.set(SourceState.STARTING, "");
        producer = Thread.ofPlatform().daemon().name("camera " + description).start(body);
    }

    /** Whether {@link #close()} was called: the producer's cue to stop. */
    protected final boolean isClosed() {
        return closed;
    }

    @Override
    public final void start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("camera source " + description + " is closed");
            }
            if (!started) {
                started = true;
                begin();
            }
        }
    }

    @Override
    public final Optional<LumaFrame> next(Duration maxWait) throws InterruptedException {
        return handoff.take(maxWait);
    }

    @Override
    public final SourceStatus status() {
        return board.snapshot(handoff);
    }

    @Override
    public final String describe() {
        return description;
    }

    @Override
    public final void close() {
        Thread running;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            running = producer;
        }
        board.stopped();
        handoff.close();
        if (running != null) {
            running.interrupt();
            join(running, joinBound);
        }
    }

    /** Waits at most {@code bound} for {@code thread}, interrupting it again when it is not done by then. */
    protected static void join(Thread thread, Duration bound) {
        try {
            if (!thread.join(bound)) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
