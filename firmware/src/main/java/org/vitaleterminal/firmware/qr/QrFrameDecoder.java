package org.vitaleterminal.firmware.qr;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.vitaleterminal.hal.camera.LumaFrame;

/**
 * Decodes camera frames one by one, cheaply. While no code has been seen recently, a frame first
 * gets a presence check ({@link FinderPresence}: a 1:1:3:1:1 run scan on every 4th row); when it
 * finds no finder-pattern candidate, nothing else runs on that frame — an empty scene costs the
 * check alone. That is safe because the check says "maybe" on every photo the whole still-image
 * strategy decodes, fallbacks included (the ZXing blackbox photos in {@code FinderPresenceTest},
 * the synthetic phone-screen set in the bench module's {@code PresenceRecallTest}): a frame it
 * rejects holds nothing any fallback could have read. Otherwise the frame gets one fast read
 * ({@link FastPath}: around the last hit while a code is in view, else the whole frame), and the
 * fallbacks of the {@link QrDecodeStrategy} run only when they are likely to pay:
 * <ul>
 *   <li>the fast read saw <em>evidence</em> of a code (finder patterns in a code-like triangle)
 *       that did not decode: fallbacks from the {@link FallbackRotation}'s cursor, as many as fit
 *       in the budget;
 *   <li>on every {@code sweepEvery}-th frame without evidence (a blind sweep): exactly one
 *       fallback, the next in the rotation, so a code the fast read cannot see at all (dark mode,
 *       tiny modules) but the presence check can is still found within a few dozen frames;
 *   <li>otherwise none.
 * </ul>
 * The last hit is forgotten after {@link #LAST_HIT_FRAMES} frames without a hit, or when the
 * resolution changes. Not thread-safe: one instance per decode thread.
 */
public final class QrFrameDecoder {
    /**
     * Default fallback budget: fallbacks start only while less than this has been spent on the
     * frame (a frame overruns by at most one attempt). Chosen so that frames with a hard code stay
     * near the 3 ms p99 goal for VGA on the development machine; the rotation picks up on the
     * next frame where this one stopped, so a small budget delays a hard code, it does not lose it.
     */
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(3);
    /** Default: a blind sweep on every 4th frame (about 8 fallback attempts a second at 30 fps). */
    public static final int DEFAULT_SWEEP_EVERY = 4;
    /** The last-hit crop is tried for this many frames after a hit. */
    static final int LAST_HIT_FRAMES = 15;

    private final FastPath fastPath;
    private final Presence presence;
    private final FallbackRotation fallbacks;
    private final DecodeBudget budget;
    private final int sweepEvery;
    private final QrScanCounters counters;
    private final Ticker ticker;

    private long framesSeen;
    private QrHit.Bounds lastHit;
    private long lastHitFrame;
    private int lastWidth;
    private int lastHeight;

    /** Whether a frame may hold a code worth the fast read (see {@link FinderPresence}). */
    @FunctionalInterface
    interface Presence {
        /** Never skips: every frame gets the fast read (the policy before the presence check). */
        Presence ALWAYS = image -> true;

        boolean mayHoldCode(LumaImage image);
    }

    QrFrameDecoder(FastPath fastPath, FallbackRotation fallbacks, DecodeBudget budget, int sweepEvery,
            QrScanCounters counters, Ticker ticker) {
        this(fastPath, Presence.ALWAYS, fallbacks, budget, sweepEvery, counters, ticker);
    }

    QrFrameDecoder(FastPath fastPath, Presence presence, FallbackRotation fallbacks, DecodeBudget budget,
            int sweepEvery, QrScanCounters counters, Ticker ticker) {
        if (sweepEvery < 1) {
            throw new IllegalArgumentException("sweepEvery must be at least 1, was " + sweepEvery);
        }
        this.fastPath = Objects.requireNonNull(fastPath, "fastPath");
        this.presence = Objects.requireNonNull(presence, "presence");
        this.fallbacks = Objects.requireNonNull(fallbacks, "fallbacks");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.sweepEvery = sweepEvery;
        this.counters = Objects.requireNonNull(counters, "counters");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /** The standard fast read and fallbacks on ZXing, timed by {@code ticker}. */
    public static QrFrameDecoder create(Ticker ticker, Duration budget, int sweepEvery, QrScanCounters counters) {
        FallbackRotation fallbacks = new FallbackRotation(QrDecodeStrategy.fallbacks(QrDecodeStrategy.STANDARD_ATTEMPTS),
                new ZxingAttemptRunner(ZxingAttemptRunner.FRAME_MAX_DERIVED_PIXELS), ticker);
        FinderPresence presence = new FinderPresence();
        return new QrFrameDecoder(new FastFrameReader(), presence::mayHoldCode, fallbacks, DecodeBudget.of(budget),
                sweepEvery, counters, ticker);
    }

    /** The standard decoder with the default budget and sweep, on the system's monotonic clock. */
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
        long start = ticker.nanos();
        counters.frame();
        long index = framesSeen++;
        if (frame.width() != lastWidth || frame.height() != lastHeight || index - lastHitFrame > LAST_HIT_FRAMES) {
            lastHit = null; // resolution changed, or the code has been gone for a while
        }
        lastWidth = frame.width();
        lastHeight = frame.height();
        LumaImage image = LumaImage.of(frame);
        Optional<QrHit.Bounds> near = Optional.ofNullable(lastHit);
        if (lastHit == null && !presence.mayHoldCode(image)) {
            counters.skippedByPresence();
            return Optional.empty();
        }
        Optional<QrHit> hit = switch (fastPath.read(image, near)) {
            case AttemptRunner.Outcome.Hit fast -> Optional.of(fast.hit());
            case AttemptRunner.Outcome.Seen evidence -> fallbacks(image, near, Integer.MAX_VALUE, start);
            default -> index % sweepEvery == 0 ? fallbacks(image, near, 1, start) : Optional.empty();
        };
        return found(hit, index);
    }

    private Optional<QrHit> found(Optional<QrHit> hit, long index) {
        hit.ifPresent(found -> {
            counters.decoded();
            if (found.bounds().isPresent()) {
                lastHit = found.bounds().get();
                lastHitFrame = index;
            }
        });
        return hit;
    }

    private Optional<QrHit> fallbacks(LumaImage image, Optional<QrHit.Bounds> near, int maxAttempts, long start) {
        FallbackRotation.Result result = fallbacks.run(image, near, maxAttempts, budget, start);
        if (result.budgetExceeded()) {
            counters.budgetExceeded();
        }
        return result.hit();
    }
}
