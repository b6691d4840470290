package org.vitaleterminal.firmware.qr;

import java.util.Objects;

/**
 * One way of looking for the code: which part of the image, at what scale and rotation,
 * binarized how, in which polarity, read in which ZXing mode. The strategy is an ordered list of
 * these; the name is what telemetry and the blackbox report show.
 *
 * @param name        short, stable, unique within a strategy
 * @param region      which part of the image is read
 * @param scale       read the region at this many times its size (1 = as is; 2–4 bilinear): small modules
 * @param rotation    degrees to rotate the region about its centre first (0 = none)
 * @param binarizer   local (hybrid) or global threshold
 * @param inverted    read light-on-dark (dark-mode) codes
 * @param mode        ZXing reader mode
 * @param tier        {@link Tier#FAST} attempts run on every frame; {@link Tier#FALLBACK} ones only
 *                    when the budget and the fallback policy allow
 * @param brighten    read the region through a brightening tone curve first ({@link ImageOps#brighten}):
 *                    a screen's moiré dims light modules by up to half in blobs of a few pixels
 */
public record QrAttempt(String name, Region region, int scale, double rotation, Binarizer binarizer,
        boolean inverted, Mode mode, Tier tier, boolean brighten) {

    /** Largest {@link #scale}: ×4 takes 2 px modules to 8 px, where ZXing's finder scan is at ease. */
    public static final int MAX_SCALE = 4;

    public QrAttempt {
        Objects.requireNonNull(name, "name");
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale " + scale + " is outside 1.." + MAX_SCALE);
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(binarizer, "binarizer");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(tier, "tier");
    }

    /** An attempt on the region's grey levels as the camera gave them. */
    public QrAttempt(String name, Region region, int scale, double rotation, Binarizer binarizer, boolean inverted,
            Mode mode, Tier tier) {
        this(name, region, scale, rotation, binarizer, inverted, mode, tier, false);
    }

    /** An attempt at ×1 or, with {@code upscale}, ×2 (the form most attempts take). */
    public QrAttempt(String name, Region region, boolean upscale, double rotation, Binarizer binarizer,
            boolean inverted, Mode mode, Tier tier) {
        this(name, region, upscale ? 2 : 1, rotation, binarizer, inverted, mode, tier);
    }

    /** Whether the region is read larger than it is. */
    public boolean upscale() {
        return scale > 1;
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
        ALL_FINDER_TRIPLES,
        /**
         * Finder and alignment patterns located by ZXing on the binarized image, but the modules
         * read from the grey levels ({@link GreyGridReader}): small, blurred, noisy modules.
         */
        GREY_GRID
    }

    /** When an attempt runs. */
    public enum Tier {
        FAST,
        FALLBACK
    }
}
