package org.vitaleterminal.sim.qr;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The distortion families of the synthetic phone-screen set. Each photo gets the
 * {@linkplain #baseline camera baseline} plus exactly one family at one {@link Strength}
 * (except {@link #COUNTER}, which is the realistic mix). Every number is drawn uniformly from the
 * range given for the strength; "±" means a random sign. Lengths are camera pixels, levels 8-bit
 * grey levels.
 *
 * <p>Camera baseline, in every photo (a real camera never gives less): rotation ±0–1°, tilt
 * 0–2°, lens 3.5–5 symbol widths from the phone, module grid at a random sub-pixel phase,
 * area-sampled pixels (2×2 samples), screen white recorded at 200–235 and a dark module at 25–45,
 * optical blur σ 0.35–0.45 px, sensor noise σ 1.5–2.5.
 */
public enum Distortion {
    /**
     * Defocus / soft lens: total Gaussian σ mild 0.45–0.6 px, moderate 0.6–0.9 px, strong
     * 0.9–1.3 px.
     */
    BLUR {
        @Override
        void apply(Strength s, ShotParameters.Builder p, RandomGenerator r) {
            p.blurSigma = pick(s, r, 0.45, 0.6, 0.6, 0.9, 0.9, 1.3);
        }
    },
    /**
     * The phone turned on the counter: in-plane rotation mild ±1–5°, moderate ±5–20°, strong
     * ±20–45° (beyond 45° the square symbol repeats itself).
     */
    ROTATION {
        @Override
        void apply(Strength s, ShotParameters.Builder p, RandomGenerator r) {
            p.rotationDeg = signed(r, pick(s, r, 1, 5, 5, 20, 20, 45));
        }
    },
    /**
     * The phone not parallel to the lens: tilt mild 5–10°, moderate 10–20°, strong 20–35°, about a
     * random axis, lens 3.5–5 symbol widths away (so the far side is visibly smaller — keystone).
     */
    PERSPECTIVE {
        @Override
        void apply(Strength s, ShotParameters.Builder p, RandomGenerator r) {
            p.tiltDeg = pick(s, r, 5, 10, 10, 20, 20, 35);
        }
    },
    /**
     * A reflection on the screen glass: a Gaussian bright blob over the symbol (σ 0.15–0.3 of its
     * width, centred in its middle 60 %) adding mild 30–60, moderate 60–110, strong 110–180 grey
     * levels at its peak; the sensor clips at 255, so strong glare erases modules.
     */
    GLARE {
        @Override
        void apply(Strength s, ShotParameters.Builder p, RandomGenerator r) {
            p.glareAmplitude = pick(s, r, 30, 60, 60, 110, 110, 180);
            p.glareRadius = uniform(r, 0.15, 0.3);
            p.glareX = uniform(r, 0.2, 0.8);
            p.glareY = uniform(r, 0.2, 0.8);
        }
    },
    /** Sensor noise (dim light, high gain): Gaussian σ mild 4–7, moderate 7–12, strong 12–20. */
    NOISE {
        @Override
        void apply(Strength s, ShotParameters.Builder p, RandomGenerator r) {
            p.noiseSigma = pick(s, r, 4, 7, 7, 12, 12, 20);
        }
    },
    /**
     * JPEG recompression of the frame (MJPEG webcams, a JPEG on the way): ImageIO quality mild
     * 85–95, moderate 70–80, strong 35–50.
     */
    JPEG {
        @Override
        void apply(Strength s, ShotParameters.Builder p, RandomGenerator r) {
            p.jpegQuality = (int) Math.round(pick(s, r, 85, 95, 70, 80, 35, 50));
        }
    },
    /**
     * Beat between the screen's pixel grid and the sensor's: two crossed sinusoidal gratings
     * (period 3–12 px, random orientation) dimming the screen's light by up to mild 10–20 %,
     * moderate 20–35 %, strong 35–55 %.
     */
    MOIRE {
        @Override
        void apply(Strength s, ShotParameters.Builder p, RandomGenerator r) {
            p.moireAmplitude = pick(s, r, 0.10, 0.20, 0.20, 0.35, 0.35, 0.55);
            p.moirePeriod = uniform(r, 3, 12);
            p.moireAngleDeg = uniform(r, 0, 180);
        }
    },
    /**
     * Dark mode: light modules on a dark screen (the quiet zone is dark too). The light modules'
     * level above black, as a fraction of the light-mode white: mild 0.9–1.0, moderate 0.6–0.75
     * (dimmed dark theme), strong 0.35–0.5.
     */
    INVERTED {
        @Override
        void apply(Strength s, ShotParameters.Builder p, RandomGenerator r) {
            p.inverted = true;
            p.moduleContrast = pick(s, r, 0.9, 1.0, 0.6, 0.75, 0.35, 0.5);
        }
    },
    /**
     * The realistic mix, all at once. Mild: rotation ±1–3°, tilt 0–5°, blur σ 0.4–0.6, noise 3–5,
     * JPEG 85–95. Moderate — a phone held under a counter camera: rotation ±2–8°, tilt 5–12°, blur
     * σ 0.5–0.8, noise 5–8, JPEG 70–80. Strong: rotation ±5–30°, tilt 12–25°, blur σ 0.8–1.1,
     * noise 8–12, JPEG 50–65, glare 40–80.
     */
    COUNTER {
        @Override
        void apply(Strength s, ShotParameters.Builder p, RandomGenerator r) {
            p.rotationDeg = signed(r, pick(s, r, 1, 3, 2, 8, 5, 30));
            p.tiltDeg = pick(s, r, 0, 5, 5, 12, 12, 25);
            p.blurSigma = pick(s, r, 0.4, 0.6, 0.5, 0.8, 0.8, 1.1);
            p.noiseSigma = pick(s, r, 3, 5, 5, 8, 8, 12);
            p.jpegQuality = (int) Math.round(pick(s, r, 85, 95, 70, 80, 50, 65));
            if (s == Strength.STRONG) {
                GLARE.apply(Strength.MILD, p, r);
                p.glareAmplitude = uniform(r, 40, 80);
            }
        }
    };

    abstract void apply(Strength strength, ShotParameters.Builder parameters, RandomGenerator random);

    /** Lower case, for file names and tables. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Draws the parameters of one photo: the camera baseline, then this family at this strength.
     * The same random state gives the same parameters.
     */
    public ShotParameters draw(Strength strength, RandomGenerator random) {
        ShotParameters.Builder p = baseline(random).toBuilder();
        apply(strength, p, random);
        return p.build();
    }

    /** The camera baseline alone (see the class comment). */
    public static ShotParameters baseline(RandomGenerator r) {
        return new ShotParameters(
                signed(r, uniform(r, 0, 1)), uniform(r, 0, 2), uniform(r, 0, 180), uniform(r, 3.5, 5),
                uniform(r, -0.6, 0.6), uniform(r, -0.6, 0.6), uniform(r, 0, 1), uniform(r, 0, 1),
                uniform(r, 200, 235), uniform(r, 25, 45), false, 1.0,
                uniform(r, 0.35, 0.45),
                0, 0.2, 0.5, 0.5,
                0, 6, 0,
                uniform(r, 1.5, 2.5), 0);
    }

    static double pick(Strength s, RandomGenerator r, double mildLo, double mildHi, double moderateLo,
            double moderateHi, double strongLo, double strongHi) {
        return switch (s) {
            case MILD -> uniform(r, mildLo, mildHi);
            case MODERATE -> uniform(r, moderateLo, moderateHi);
            case STRONG -> uniform(r, strongLo, strongHi);
        };
    }

    static double uniform(RandomGenerator r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    static double signed(RandomGenerator r, double magnitude) {
        return r.nextBoolean() ? magnitude : -magnitude;
    }
}
