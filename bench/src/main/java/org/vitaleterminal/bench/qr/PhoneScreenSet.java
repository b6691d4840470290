package org.vitaleterminal.bench.qr;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vitaleterminal.sim.qr.Distortion;
import org.vitaleterminal.sim.qr.Strength;

/**
 * Which photos make up a run: the grid of buckets (families × strengths × module sizes), how many
 * photos per bucket, and the seed. Photo {@code i} of a bucket shows payload {@code i mod n}, so
 * every bucket sees every payload as soon as it has at least n photos.
 */
public record PhoneScreenSet(Set<Distortion> distortions, Set<Strength> strengths, List<Integer> pxPerModule,
        int perBucket, long seed) {
    public static final long DEFAULT_SEED = 18_004L;
    public static final List<Integer> MODULE_SIZES = List.of(2, 3, 4, 5, 6);

    public PhoneScreenSet {
        distortions = Set.copyOf(distortions);
        strengths = Set.copyOf(strengths);
        pxPerModule = List.copyOf(pxPerModule);
        if (distortions.isEmpty() || strengths.isEmpty() || pxPerModule.isEmpty() || perBucket < 1) {
            throw new IllegalArgumentException("empty set: " + distortions + " " + strengths + " " + pxPerModule
                    + " x" + perBucket);
        }
        pxPerModule.forEach(px -> {
            if (Objects.requireNonNull(px) < 1 || px > 12) {
                throw new IllegalArgumentException("px/module " + px + " is outside 1..12");
            }
        });
    }

    /** Every family, every strength, 2–6 px/module. */
    public static PhoneScreenSet full(int perBucket, long seed) {
        return new PhoneScreenSet(EnumSet.allOf(Distortion.class), EnumSet.allOf(Strength.class), MODULE_SIZES,
                perBucket, seed);
    }

    /** The buckets in table order. */
    public List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        for (Distortion d : Distortion.values()) {
            for (Strength s : Strength.values()) {
                for (int px : pxPerModule.stream().sorted().distinct().toList()) {
                    if (distortions.contains(d) && strengths.contains(s)) {
                        buckets.add(new Bucket(d, s, px));
                    }
                }
            }
        }
        return buckets;
    }
}
