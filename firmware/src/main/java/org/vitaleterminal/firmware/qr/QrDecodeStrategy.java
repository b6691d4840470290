package org.vitaleterminal.firmware.qr;

import static org.vitaleterminal.firmware.qr.QrAttempt.Binarizer.GLOBAL;
import static org.vitaleterminal.firmware.qr.QrAttempt.Binarizer.HYBRID;
import static org.vitaleterminal.firmware.qr.QrAttempt.Mode.ALL_FINDER_TRIPLES;
import static org.vitaleterminal.firmware.qr.QrAttempt.Mode.GREY_GRID;
import static org.vitaleterminal.firmware.qr.QrAttempt.Mode.NORMAL;
import static org.vitaleterminal.firmware.qr.QrAttempt.Mode.PURE;
import static org.vitaleterminal.firmware.qr.QrAttempt.Mode.TRY_HARDER;
import static org.vitaleterminal.firmware.qr.QrAttempt.Mode.TRY_HARDER_IF_TALL;
import static org.vitaleterminal.firmware.qr.QrAttempt.Region.CENTRE;
import static org.vitaleterminal.firmware.qr.QrAttempt.Region.FULL;
import static org.vitaleterminal.firmware.qr.QrAttempt.Region.LAST_HIT;
import static org.vitaleterminal.firmware.qr.QrAttempt.Tier.FALLBACK;
import static org.vitaleterminal.firmware.qr.QrAttempt.Tier.FAST;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered list of ways to find a QR code in a grey image, and the loop that runs them within
 * a {@link DecodeBudget}: first the fast attempts, then the fallbacks in order, cheapest and most
 * often useful first, until one decodes or the budget is spent.
 *
 * <p>Still images ({@link QrImageDecoder}) run the whole list. Camera frames
 * ({@link QrFrameDecoder}) replace the fast attempts by one cheaper read of their own
 * ({@link FastFrameReader}) and spread these fallbacks over frames. The order was chosen on
 * the ZXing blackbox photos (see the blackbox test) and on cost per 720p frame:
 * <ol>
 *   <li>around the last hit, then the full image, local threshold (the fast path: a code that
 *       stays in view is found in a crop of a fraction of the frame);
 *   <li>inverted (dark-mode screens); the global threshold, straight and inverted;
 *   <li>the centre upscaled ×2 (small modules: a code too far from the camera), TRY_HARDER's
 *       denser row scan (only above ~520 rows, where it differs);
 *   <li>ZXing's pure-barcode mode (screenshots cut without quiet zone);
 *   <li>the whole image upscaled ×2 with both thresholds and with every finder-pattern triple;
 *   <li>a 10° rotation (curved or skewed prints), at ×1 and ×2;
 *   <li>the patterns found by ZXing but the modules read from the grey levels
 *       ({@link GreyGridReader}): at ×1 right after the cheap thresholds (noisy, moiré or JPEG
 *       codes at 3 px/module, for the cost of one more decode), at ×2 and ×4 last, both
 *       polarities (2 px/module: the costliest attempts, a 640×480 photo becomes 4.9 MP);
 *   <li>the same ×4 grey grid through a brightening tone curve ({@link ImageOps#brighten}):
 *       2 px modules under a screen's strong moiré, where no other attempt finds a finder
 *       pattern at all.
 * </ol>
 *
 * <p>Misreads stay improbable however many attempts run: every attempt ends in ZXing's format-
 * information BCH check and Reed–Solomon decoding of all blocks, and the credential's signature
 * is checked after that anyway.
 */
public final class QrDecodeStrategy {
    private final List<QrAttempt> attempts;
    private final AttemptRunner runner;
    private final Ticker ticker;

    QrDecodeStrategy(List<QrAttempt> attempts, AttemptRunner runner, Ticker ticker) {
        Set<String> names = new HashSet<>();
        for (QrAttempt attempt : attempts) {
            if (!names.add(attempt.name())) {
                throw new IllegalArgumentException("duplicate attempt name " + attempt.name());
            }
        }
        this.attempts = List.copyOf(attempts);
        this.runner = runner;
        this.ticker = ticker;
    }

    /** The standard attempt list for still images: copies up to 6 MP. One instance per thread. */
    public static QrDecodeStrategy forStillImages() {
        return new QrDecodeStrategy(STANDARD_ATTEMPTS,
                new ZxingAttemptRunner(ZxingAttemptRunner.STILL_MAX_DERIVED_PIXELS), Ticker.system());
    }

    static final List<QrAttempt> STANDARD_ATTEMPTS = List.of(
            new QrAttempt("last-hit", LAST_HIT, false, 0, HYBRID, false, NORMAL, FAST),
            new QrAttempt("hybrid", FULL, false, 0, HYBRID, false, NORMAL, FAST),
            new QrAttempt("hybrid-inverted", FULL, false, 0, HYBRID, true, NORMAL, FALLBACK),
            new QrAttempt("global", FULL, false, 0, GLOBAL, false, NORMAL, FALLBACK),
            new QrAttempt("global-inverted", FULL, false, 0, GLOBAL, true, NORMAL, FALLBACK),
            new QrAttempt("grey-grid", FULL, 1, 0, HYBRID, false, GREY_GRID, FALLBACK),
            new QrAttempt("grey-grid-global", FULL, 1, 0, GLOBAL, false, GREY_GRID, FALLBACK),
            new QrAttempt("grey-grid-global-inverted", FULL, 1, 0, GLOBAL, true, GREY_GRID, FALLBACK),
            new QrAttempt("centre-x2", CENTRE, true, 0, HYBRID, false, NORMAL, FALLBACK),
            new QrAttempt("hybrid-try-harder", FULL, false, 0, HYBRID, false, TRY_HARDER_IF_TALL, FALLBACK),
            new QrAttempt("pure", FULL, false, 0, HYBRID, false, PURE, FALLBACK),
            new QrAttempt("pure-inverted", FULL, false, 0, HYBRID, true, PURE, FALLBACK),
            new QrAttempt("x2-hybrid", FULL, true, 0, HYBRID, false, TRY_HARDER, FALLBACK),
            new QrAttempt("x2-global", FULL, true, 0, GLOBAL, false, TRY_HARDER, FALLBACK),
            new QrAttempt("x2-global-triples", FULL, true, 0, GLOBAL, false, ALL_FINDER_TRIPLES, FALLBACK),
            new QrAttempt("rotated-10-global", FULL, false, 10, GLOBAL, false, TRY_HARDER, FALLBACK),
            new QrAttempt("rotated-10-x2-global", FULL, true, 10, GLOBAL, false, TRY_HARDER, FALLBACK),
            new QrAttempt("x2-grey-grid", FULL, 2, 0, HYBRID, false, GREY_GRID, FALLBACK),
            new QrAttempt("x2-grey-grid-inverted", FULL, 2, 0, HYBRID, true, GREY_GRID, FALLBACK),
            new QrAttempt("x4-grey-grid", FULL, 4, 0, HYBRID, false, GREY_GRID, FALLBACK),
            new QrAttempt("x4-grey-grid-inverted", FULL, 4, 0, HYBRID, true, GREY_GRID, FALLBACK),
            new QrAttempt("x4-grey-grid-bright", FULL, 4, 0, HYBRID, false, GREY_GRID, FALLBACK, true));

    /** The fallback attempts of {@code attempts}, in order (the camera path rotates through them). */
    static List<QrAttempt> fallbacks(List<QrAttempt> attempts) {
        return attempts.stream().filter(attempt -> attempt.tier() == FALLBACK).toList();
    }

    public List<QrAttempt> attempts() {
        return attempts;
    }

    /**
     * Looks for a code.
     *
     * @param lastHit        where the previous code was (for the last-hit crop), if recent
     * @param blindFallbacks whether fallbacks run even when the fast attempts saw no finder
     *                       pattern at all; when false they run only after a fast attempt saw
     *                       patterns it could not decode (keeps empty frames cheap)
     * @param budget         time for the fallbacks, counted from the start of this call
     */
    Decode decode(LumaImage image, Optional<QrHit.Bounds> lastHit, boolean blindFallbacks, DecodeBudget budget) {
        long start = ticker.nanos();
        List<String> tried = new ArrayList<>();
        boolean seen = false;
        for (QrAttempt attempt : attempts) {
            if (attempt.tier() == FALLBACK) {
                if (!blindFallbacks && !seen) {
                    break;
                }
                if (budget.spent(ticker.nanos() - start)) {
                    return new Decode(Optional.empty(), tried, true);
                }
            }
            AttemptRunner.Outcome outcome = runner.run(attempt, image, lastHit);
            switch (outcome) {
                case AttemptRunner.Outcome.Hit hit -> {
                    tried.add(attempt.name());
                    return new Decode(Optional.of(hit.hit()), tried, false);
                }
                case AttemptRunner.Outcome.Seen s -> {
                    tried.add(attempt.name());
                    seen = true;
                }
                case AttemptRunner.Outcome.Nothing n -> tried.add(attempt.name());
                case AttemptRunner.Outcome.Skipped s -> {
                    // did not apply: costs nothing, not listed
                }
            }
        }
        return new Decode(Optional.empty(), tried, false);
    }

    /**
     * What one decode did.
     *
     * @param hit            the code found, if any
     * @param tried          names of the attempts that ran, in order
     * @param budgetExceeded fallbacks were left untried because the budget was spent
     */
    record Decode(Optional<QrHit> hit, List<String> tried, boolean budgetExceeded) {}
}
