package org.vitaleterminal.hal.camera;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The newest-frame-wins exchange between a source's capture thread (the producer) and the scan
 * loop (the consumer), with recycled buffers.
 *
 * <p>At any time a buffer is in one of four places: being filled by the producer, waiting as the
 * one untaken frame, held by the consumer (until it asks for the next frame) or among at most
 * {@value #SPARES} spares. A steady stream therefore cycles through three to five arrays and
 * allocates nothing, however slow the consumer is; the producer never waits for the consumer.
 */
public final class FrameHandoff {
    static final int SPARES = 2;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<byte[]> spares = new ArrayDeque<>(SPARES);
    private LumaFrame waiting;
    private LumaFrame held;
    private long sequence;
    private long captured;
    private long delivered;
    private long dropped;
    private boolean closed;

    /** Producer: a buffer of at least {@code size} bytes to fill, recycled when one is free. */
    public byte[] buffer(int size) {
        lock.lock();
        try {
            byte[] spare = spares.poll();
            if (spare != null && spare.length >= size) {
                return spare;
            }
        } finally {
            lock.unlock();
        }
        return new byte[size];
    }

    /** Producer: gives back a buffer it did not publish (e.g. the capture ended mid-frame). */
    public void recycle(byte[] buffer) {
        lock.lock();
        try {
            keepSpare(buffer);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Producer: publishes a filled buffer from {@link #buffer} as the newest frame, which replaces
     * (drops) a frame the consumer has not taken yet. The producer must not touch the buffer any more.
     *
     * @return the frame's sequence number (1, 2, … for the lifetime of this handoff)
     * @throws IllegalArgumentException when the geometry does not fit the buffer
     */
    public long publish(byte[] buffer, int width, int height, int rowStride, long capturedNanos) {
        lock.lock();
        try {
            LumaFrame frame = new LumaFrame(buffer, 0, width, height, rowStride, sequence + 1, capturedNanos);
            sequence++;
            captured++;
            if (waiting != null) {
                dropped++;
                keepSpare(waiting.luma());
            }
            waiting = frame;
            arrived.signalAll();
            return frame.sequence();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Consumer: takes the waiting frame, waiting at most {@code maxWait} for one. The frame the
     * consumer held before goes back to the spares only when a new one is handed over.
     */
    public Optional<LumaFrame> take(Duration maxWait) throws InterruptedException {
        long nanos = maxWait.isNegative() ? 0 : saturatedNanos(maxWait);
        lock.lockInterruptibly();
        try {
            while (waiting == null && !closed) {
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = arrived.awaitNanos(nanos);
            }
            if (waiting == null) {
                return Optional.empty();
            }
            if (held != null) {
                keepSpare(held.luma());
            }
            held = waiting;
            waiting = null;
            delivered++;
            return Optional.of(held);
        } finally {
            lock.unlock();
        }
    }

    /** Wakes waiting consumers; later calls of {@link #take} return empty unless a frame waits. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The counters, consistent with each other. */
    public Counters counters() {
        lock.lock();
        try {
            return new Counters(captured, delivered, dropped);
        } finally {
            lock.unlock();
        }
    }

    /** Frame counters of a {@link FrameHandoff}. */
    public record Counters(long captured, long delivered, long dropped) {}

    private void keepSpare(byte[] buffer) {
        if (spares.size() < SPARES) {
            spares.push(buffer);
        }
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
