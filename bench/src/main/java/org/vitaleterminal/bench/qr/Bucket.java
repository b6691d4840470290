package org.vitaleterminal.bench.qr;

import java.util.Objects;
import org.vitaleterminal.sim.qr.Distortion;
import org.vitaleterminal.sim.qr.Strength;

/** One cell of the set: a distortion family at a strength and a module size. */
public record Bucket(Distortion distortion, Strength strength, int pxPerModule) {
    public Bucket {
        Objects.requireNonNull(distortion, "distortion");
        Objects.requireNonNull(strength, "strength");
        if (pxPerModule < 1) {
            throw new IllegalArgumentException("px/module " + pxPerModule);
        }
    }

    /** e.g. {@code blur/moderate/3px}. */
    public String label() {
        return distortion.label() + "/" + strength.label() + "/" + pxPerModule + "px";
    }

    /** The images' seed: a fixed function of the set's seed, this bucket and the image index. */
    long seed(long setSeed, int index) {
        long key = ((long) distortion.ordinal() * 8 + strength.ordinal()) * 64 + pxPerModule;
        return setSeed * 0x9E3779B97F4A7C15L + key * 1_000_003L + index;
    }
}
