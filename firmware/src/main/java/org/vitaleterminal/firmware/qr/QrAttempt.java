package org.vitaleterminal.firmware.qr;

import java.util.Objects;

/**
 * One way of looking for the code: which part of the image, at what scale and rotation,
 * binarized how, in which polarity, read in which ZXing mode. The strategy is an ordered list of
 * these; the name is what telemetry and the blackbox report show.
 *
 * @param name        short, stable, unique within a strategy
 * @param region      which part of the image is read
 * @param upscale     read the region at twice its size (bilinear): small modules
 * @param rotation    degrees to rotate the region about its centre first (0 = none)
 * @param binarizer   local (hybrid) or global threshold
 * @param inverted    read light-on-dark (dark-mode) codes
 * @param mode        ZXing reader mode
 * @param tier        {@link Tier#FAST} attempts run on every frame; {@link Tier#FALLBACK} ones only
 *                    when the budget and the fallback policy allow
 */
public record QrAttempt(String name, Region region, boolean upscale, double rotation, Binarizer binarizer,
        boolean inverted, Mode mode, Tier tier) {

    public QrAttempt {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(binarizer, "binarizer");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(tier, "tier");
    }

    /** Which part of the image an attempt reads. */
    public enum Region {
        /** The whole image. */
        FULL,
        /** The last hit's box with a generous margin; skipped when there is no recent hit. */
        LAST_HIT,
        /** The middle half in each direction (a quarter of the pixels): with {@code upscale}, same cost as FULL. */
        CENTRE
    }

    /** ZXing's two threshold methods. */
    public enum Binarizer {
        /** {@code HybridBinarizer}: local thresholds per 8×8 block; the default. */
        HYBRID,
        /** {@code GlobalHistogramBinarizer}: one threshold per row; better on even, low-contrast light. */
        GLOBAL
    }

    /** How ZXing reads the binarized image. */
    public enum Mode {
        /** Finder-pattern search with the default row skip. */
        NORMAL,
        /** Row skip 3 whatever the height (only differs from NORMAL above ~520 rows). */
        TRY_HARDER,
        /**
         * TRY_HARDER on images taller than ~520 rows, skipped on smaller ones, where it would
         * only repeat the NORMAL attempt.
         */
        TRY_HARDER_IF_TALL,
        /** An unrotated, cropped, computer-made code read straight from its bounding box. */
        PURE,
        /** Every plausible triple of finder patterns, not only the best one. */
        ALL_FINDER_TRIPLES
    }

    /** When an attempt runs. */
    public enum Tier {
        FAST,
        FALLBACK
    }
}
