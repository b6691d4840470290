package org.vitaleterminal.firmware.qr;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.vitaleterminal.hal.camera.LumaFrame;

/**
 * Decodes camera frames one by one with the {@link QrDecodeStrategy}, within a time budget per
 * frame. Keeps the little state that makes a stream cheaper than separate images:
 * <ul>
 *   <li>the last hit's box, so that while a code stays in view the fast path reads a crop of the
 *       frame around it (forgotten after {@link #LAST_HIT_FRAMES} frames without a hit);
 *   <li>a frame counter for the fallback policy: on most frames the fallbacks run only when the
 *       fast path saw finder patterns it could not decode (a code is there but hard); on every
 *       {@code sweepEvery}-th frame they run regardless, so a code the fast path cannot see at
 *       all (dark mode, tiny modules) is still found within a few frames while an empty scene
 *       costs little more than the fast path.
 * </ul>
 * Not thread-safe: one instance per decode thread.
 */
public final class QrFrameDecoder {
    /** Default fallback budget: a third of a 30 fps frame period on the development machine. */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(10);
    /** Default: blind fallbacks on every 4th frame (about 8 times a second at 30 fps). */
    public static final int DEFAULT_SWEEP_EVERY = 4;
    /** The last-hit crop is tried for this many frames after a hit. */
    static final int LAST_HIT_FRAMES = 15;

    private final QrDecodeStrategy strategy;
    private final DecodeBudget budget;
    private final int sweepEvery;
    private final QrScanCounters counters;

    private long framesSeen;
    private QrHit.Bounds lastHit;
    private long lastHitFrame;
    private int lastWidth;
    private int lastHeight;

    QrFrameDecoder(QrDecodeStrategy strategy, DecodeBudget budget, int sweepEvery, QrScanCounters counters) {
        if (sweepEvery < 1) {
            throw new IllegalArgumentException("sweepEvery must be at least 1, was " + sweepEvery);
        }
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.sweepEvery = sweepEvery;
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** The standard strategy on ZXing, timed by {@code ticker}. */
    public static QrFrameDecoder create(Ticker ticker, Duration budget, int sweepEvery, QrScanCounters counters) {
        return new QrFrameDecoder(QrDecodeStrategy.forFrames(ticker), DecodeBudget.of(budget), sweepEvery, counters);
    }

    /** The standard strategy with the default budget and sweep, on the system's monotonic clock. */
    public static QrFrameDecoder create(QrScanCounters counters) {
        return create(Ticker.system(), DEFAULT_BUDGET, DEFAULT_SWEEP_EVERY, counters);
    }

    /**
     * Forgets the last hit, so the next frame is read as if nothing had been seen (after the
     * camera restarts or moves; benchmarks use it to time a first sighting).
     */
    public void forgetLastHit() {
        lastHit = null;
    }

    /** Looks for a QR code in one frame. Never throws on frame content. */
    public Optional<QrHit> decode(LumaFrame frame) {
        counters.frame();
        long index = framesSeen++;
        if (frame.width() != lastWidth || frame.height() != lastHeight || index - lastHitFrame > LAST_HIT_FRAMES) {
            lastHit = null; // resolution changed, or the code has been gone for a while
        }
        lastWidth = frame.width();
        lastHeight = frame.height();
        boolean sweep = index % sweepEvery == 0;
        QrDecodeStrategy.Decode decode = strategy.decode(LumaImage.of(frame), Optional.ofNullable(lastHit), sweep,
                budget);
        if (decode.budgetExceeded()) {
            counters.budgetExceeded();
        }
        decode.hit().ifPresent(hit -> {
            counters.decoded();
            if (hit.bounds().isPresent()) {
                lastHit = hit.bounds().get();
                lastHitFrame = index;
            }
        });
        return decode.hit();
    }
}
