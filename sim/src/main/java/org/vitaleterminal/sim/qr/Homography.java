package org.vitaleterminal.sim.qr;

/**
 * A plane-to-plane projective map as a row-major 3×3 matrix: (x, y) ↦ ((h0 x + h1 y + h2) / w,
 * (h3 x + h4 y + h5) / w) with w = h6 x + h7 y + h8. Immutable.
 */
final class Homography {
    private final double[] h;

    private Homography(double[] h) {
        this.h = h;
    }

    static Homography of(double... h) {
        if (h.length != 9) {
            throw new IllegalArgumentException("a homography has 9 entries, not " + h.length);
        }
        return new Homography(h.clone());
    }

    static Homography translation(double tx, double ty) {
        return of(1, 0, tx, 0, 1, ty, 0, 0, 1);
    }

    /** Rotation by {@code degrees} (counter-clockwise in a y-up frame, clockwise on screen) scaled by {@code scale}. */
    static Homography rotationScale(double degrees, double scale) {
        double c = Math.cos(Math.toRadians(degrees)) * scale;
        double s = Math.sin(Math.toRadians(degrees)) * scale;
        return of(c, -s, 0, s, c, 0, 0, 0, 1);
    }

    /**
     * A plane through the origin, tilted by {@code tiltDegrees} about the in-plane axis at
     * {@code axisDegrees}, seen by a pinhole camera at {@code distance} on the optical axis with
     * focal length equal to that distance (so the scale at the centre stays 1).
     */
    static Homography tilt(double tiltDegrees, double axisDegrees, double distance) {
        double a = Math.toRadians(axisDegrees);
        double kx = Math.cos(a);
        double ky = Math.sin(a);
        double t = Math.toRadians(tiltDegrees);
        double c = Math.cos(t);
        double s = Math.sin(t);
        double v = 1 - c;
        // Rodrigues rotation about the unit axis (kx, ky, 0); only its first two columns matter
        // because the plane's points have z = 0.
        double r00 = c + kx * kx * v;
        double r01 = kx * ky * v;
        double r10 = kx * ky * v;
        double r11 = c + ky * ky * v;
        double r20 = -ky * s;
        double r21 = kx * s;
        double f = distance;
        return of(f * r00, f * r01, 0, f * r10, f * r11, 0, r20, r21, distance);
    }

    /** {@code this ∘ other}: apply {@code other} first. */
    Homography after(Homography other) {
        double[] a = h;
        double[] b = other.h;
        double[] m = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[row * 3 + col] = a[row * 3] * b[col] + a[row * 3 + 1] * b[3 + col] + a[row * 3 + 2] * b[6 + col];
            }
        }
        return new Homography(m);
    }

    Homography inverse() {
        double[] a = h;
        double c00 = a[4] * a[8] - a[5] * a[7];
        double c01 = a[5] * a[6] - a[3] * a[8];
        double c02 = a[3] * a[7] - a[4] * a[6];
        double det = a[0] * c00 + a[1] * c01 + a[2] * c02;
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("singular homography");
        }
        return new Homography(new double[] {
            c00 / det, (a[2] * a[7] - a[1] * a[8]) / det, (a[1] * a[5] - a[2] * a[4]) / det,
            c01 / det, (a[0] * a[8] - a[2] * a[6]) / det, (a[2] * a[3] - a[0] * a[5]) / det,
            c02 / det, (a[1] * a[6] - a[0] * a[7]) / det, (a[0] * a[4] - a[1] * a[3]) / det,
        });
    }

    /** The image of (x, y) as {x', y'}. */
    double[] apply(double x, double y) {
        double w = h[6] * x + h[7] * y + h[8];
        return new double[] {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
    }

    double get(int index) {
        return h[index];
    }
}
