package org.vitaleterminal.firmware.qr;

import com.google.zxing.FormatException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Corrects a code's module grid with all of its alignment patterns, on the grey image.
 *
 * <p>ZXing maps the grid through four points: three finder centres and one alignment pattern
 * near the bottom-right corner (or, when that is not found, a parallelogram's fourth corner).
 * Under a strong tilt those points are a fraction of a module off — a finder's centre measured
 * from its black/white runs is not the centre of the tilted square — and on a version-14+ code
 * (~80–120 modules) a fraction of a module at the corners is a whole module in the far half: the
 * symbol fails Reed–Solomon although every pattern was found (the {@code perspective} buckets of
 * the phone-screen set at 3–6 px/module). A version-14+ code has 13 or more alignment patterns.
 * Each is looked for around where the current grid puts it (a 5×5-module template matched on
 * grey samples), and one homography is fitted by least squares to every pattern found so far plus
 * the three finder centres, ring by ring away from the top-left finder, then once more over all. A phone screen is flat, so one
 * homography is the exact model: no piecewise grid is needed.
 */
final class GridRefiner {
    /** Search radius around the predicted centre while the grid grows, in modules. */
    private static final double GROWING_RADIUS = 1.5;
    /** Search radius of the last pass over all patterns, once the grid is close. */
    private static final double FINAL_RADIUS = 0.75;
    /** Search step, in modules. */
    private static final double SEARCH_STEP = 0.25;
    /**
     * A pattern counts when its template contrast (mean light cell minus mean dark cell) is at
     * least this fraction of the code's module contrast: rejects flat or mismatched spots.
     */
    private static final double MIN_CONTRAST_FRACTION = 0.4;
    /** Fewer alignment patterns found than this in a pass: give up (too little to fit against). */
    private static final int MIN_PATTERNS = 2;

    private GridRefiner() {}

    /**
     * The refined grid, or empty when this dimension has no alignment grid to use or too few of
     * its patterns were found.
     *
     * @param grid       module coordinates to image coordinates (finder centres at 3.5 modules)
     *                   to start from: its finders are re-centred and its fourth corner moves with
     *                   them. The parallelogram through the finders, or the perspective their sizes
     *                   show; not ZXing's grid through an alignment pattern, which when found for
     *                   the wrong dimension misleads every pass
     * @param finders    top-left, top-right, bottom-left finder centres in the image
     * @param contrast   the code's light-minus-dark grey difference
     */
    static Optional<PerspectiveTransform> refine(LumaImage image, PerspectiveTransform grid, int dimension,
            ResultPoint[] finders, boolean inverted, double contrast) {
        int[] centres;
        try {
            centres = Version.getProvisionalVersionForDimension(dimension).getAlignmentPatternCenters();
        } catch (FormatException | IllegalArgumentException notAVersion) {
            return Optional.empty();
        }
        if (centres.length < 2) {
            return Optional.empty();
        }
        // The first grid is the parallelogram through the finders: right near them, modules off
        // at the far corner under tilt. The grid grows ring by ring of the alignment lattice away
        // from the top-left finder (each ring predicted by the fit of the previous ones), then a
        // last, narrower pass re-finds every pattern with the whole fit.
        ResultPoint[] original = finders;
        finders = finders.clone();
        double far = dimension - 3.5;
        double[][] finderModules = {{3.5, 3.5}, {far, 3.5}, {3.5, far}};
        for (int k = 0; k < 3; k++) {
            // ZXing measures a finder's centre from its runs, which a tilt biases: re-centre it
            // on the grey image first, everything else is measured from the finders.
            double[] at = locate(image, grid, finderModules[k][0], finderModules[k][1], GROWING_RADIUS, inverted,
                    contrast, Pattern.FINDER);
            if (at != null) {
                finders[k] = new ResultPoint((float) at[2], (float) at[3]);
            }
        }
        PerspectiveTransform current = moved(grid, original, finders, dimension);
        List<double[]> found = new ArrayList<>();
        for (int ring = 1; ring <= centres.length; ring++) {
            boolean last = ring == centres.length;
            List<double[]> pairs = last ? new ArrayList<>() : new ArrayList<>(found);
            int searched = 0;
            for (int j = 0; j < centres.length; j++) {
                for (int i = 0; i < centres.length; i++) {
                    int cx = centres[i];
                    int cy = centres[j];
                    if (overlapsFinder(cx, cy, dimension) || (!last && Math.max(i, j) != ring)) {
                        continue;
                    }
                    searched++;
                    double[] at = locate(image, current, cx + 0.5, cy + 0.5, last ? FINAL_RADIUS : GROWING_RADIUS,
                            inverted, contrast, Pattern.ALIGNMENT);
                    if (at != null) {
                        pairs.add(at);
                    }
                }
            }
            if (searched == 0) {
                continue;
            }
            if (pairs.size() < MIN_PATTERNS) {
                return Optional.empty();
            }
            found = pairs;
            List<double[]> withFinders = new ArrayList<>(pairs);
            withFinders.add(new double[] {3.5, 3.5, finders[0].getX(), finders[0].getY()});
            withFinders.add(new double[] {far, 3.5, finders[1].getX(), finders[1].getY()});
            withFinders.add(new double[] {3.5, far, finders[2].getX(), finders[2].getY()});
            Optional<PerspectiveTransform> fitted = fit(withFinders, dimension);
            if (fitted.isEmpty()) {
                return Optional.empty();
            }
            current = fitted.get();
        }
        return Optional.of(current);
    }

    /**
     * {@code grid} with its finder centres moved to {@code moved}: the fourth corner (module
     * (far, far)) shifted as a parallelogram's would be, so a parallelogram stays one and a grid
     * with perspective keeps it.
     */
    private static PerspectiveTransform moved(PerspectiveTransform grid, ResultPoint[] before, ResultPoint[] moved,
            int dimension) {
        float far = dimension - 3.5f;
        float[] corner = {far, far};
        grid.transformPoints(corner);
        float x = corner[0] + (moved[1].getX() - before[1].getX()) + (moved[2].getX() - before[2].getX())
                - (moved[0].getX() - before[0].getX());
        float y = corner[1] + (moved[1].getY() - before[1].getY()) + (moved[2].getY() - before[2].getY())
                - (moved[0].getY() - before[0].getY());
        return PerspectiveTransform.quadrilateralToQuadrilateral(3.5f, 3.5f, far, 3.5f, far, far, 3.5f, far,
                moved[0].getX(), moved[0].getY(), moved[1].getX(), moved[1].getY(), x, y, moved[2].getX(),
                moved[2].getY());
    }

    /** The two square patterns, by Chebyshev distance ("ring") from their centre module. */
    private enum Pattern {
        /** 5×5: dark centre, light ring, dark ring. */
        ALIGNMENT(2),
        /** 7×7: dark 3×3 core, light ring, dark ring. */
        FINDER(3);

        final int half;

        Pattern(int half) {
            this.half = half;
        }

        boolean isLight(int ring) {
            return ring == half - 1;
        }
    }

    private static boolean overlapsFinder(int cx, int cy, int dimension) {
        int last = dimension - 7;
        return (cx <= 6 && cy <= 6) || (cx >= last && cy <= 6) || (cx <= 6 && cy >= last);
    }

    /**
     * The best template match within {@code radius} modules of (u, v), as {u, v, x, y} with
     * (x, y) the image point of the match, or null when nothing there looks like the pattern.
     */
    private static double[] locate(LumaImage image, PerspectiveTransform grid, double u, double v, double radius,
            boolean inverted, double contrast, Pattern pattern) {
        double best = -Double.MAX_VALUE;
        double bestDu = 0;
        double bestDv = 0;
        float[] point = new float[2];
        int steps = (int) Math.round(radius / SEARCH_STEP);
        for (int iy = -steps; iy <= steps; iy++) {
            for (int ix = -steps; ix <= steps; ix++) {
                double du = ix * SEARCH_STEP;
                double dv = iy * SEARCH_STEP;
                double dark = 0;
                double light = 0;
                int lights = 0;
                int half = pattern.half;
                for (int j = -half; j <= half; j++) {
                    for (int i = -half; i <= half; i++) {
                        point[0] = (float) (u + du + i);
                        point[1] = (float) (v + dv + j);
                        grid.transformPoints(point);
                        double grey = GreyGridReader.bilinear(image, point[0], point[1]);
                        if (pattern.isLight(Math.max(Math.abs(i), Math.abs(j)))) {
                            light += grey;
                            lights++;
                        } else {
                            dark += grey;
                        }
                    }
                }
                int cells = (2 * half + 1) * (2 * half + 1);
                double score = light / lights - dark / (cells - lights);
                if (inverted) {
                    score = -score;
                }
                if (score > best) {
                    best = score;
                    bestDu = du;
                    bestDv = dv;
                }
            }
        }
        if (best < MIN_CONTRAST_FRACTION * contrast) {
            return null;
        }
        point[0] = (float) (u + bestDu);
        point[1] = (float) (v + bestDv);
        grid.transformPoints(point);
        return new double[] {u, v, point[0], point[1]};
    }

    /**
     * Least-squares homography from module (u, v) to image (x, y) over all pairs (Hartley-
     * normalised DLT with h33 = 1), returned as ZXing's transform through the images of the
     * grid's four corners.
     */
    static Optional<PerspectiveTransform> fit(List<double[]> pairs, int dimension) {
        double[] nu = normaliser(pairs, 0);
        double[] nx = normaliser(pairs, 2);
        double[][] ata = new double[8][8];
        double[] atb = new double[8];
        for (double[] p : pairs) {
            double u = (p[0] - nu[0]) * nu[2];
            double v = (p[1] - nu[1]) * nu[2];
            double x = (p[2] - nx[0]) * nx[2];
            double y = (p[3] - nx[1]) * nx[2];
            accumulate(ata, atb, new double[] {u, v, 1, 0, 0, 0, -u * x, -v * x}, x);
            accumulate(ata, atb, new double[] {0, 0, 0, u, v, 1, -u * y, -v * y}, y);
        }
        double[] h = solve(ata, atb);
        if (h == null) {
            return Optional.empty();
        }
        double[] corners = new double[8];
        double[][] grid = {{0, 0}, {dimension, 0}, {dimension, dimension}, {0, dimension}};
        for (int k = 0; k < 4; k++) {
            double u = (grid[k][0] - nu[0]) * nu[2];
            double v = (grid[k][1] - nu[1]) * nu[2];
            double w = h[6] * u + h[7] * v + 1;
            if (Math.abs(w) < 1e-9) {
                return Optional.empty();
            }
            corners[2 * k] = (h[0] * u + h[1] * v + h[2]) / w / nx[2] + nx[0];
            corners[2 * k + 1] = (h[3] * u + h[4] * v + h[5]) / w / nx[2] + nx[1];
        }
        return Optional.of(PerspectiveTransform.quadrilateralToQuadrilateral(0, 0, dimension, 0, dimension,
                dimension, 0, dimension, (float) corners[0], (float) corners[1], (float) corners[2],
                (float) corners[3], (float) corners[4], (float) corners[5], (float) corners[6], (float) corners[7]));
    }

    /** {mean a, mean b, scale} so that the centred points lie at a mean distance of √2. */
    private static double[] normaliser(List<double[]> pairs, int index) {
        double ma = 0;
        double mb = 0;
        for (double[] p : pairs) {
            ma += p[index];
            mb += p[index + 1];
        }
        ma /= pairs.size();
        mb /= pairs.size();
        double distance = 0;
        for (double[] p : pairs) {
            distance += Math.hypot(p[index] - ma, p[index + 1] - mb);
        }
        distance /= pairs.size();
        return new double[] {ma, mb, distance > 0 ? Math.sqrt(2) / distance : 1};
    }

    private static void accumulate(double[][] ata, double[] atb, double[] row, double target) {
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                ata[i][j] += row[i] * row[j];
            }
            atb[i] += row[i] * target;
        }
    }

    /** Gaussian elimination with partial pivoting; null when singular. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                return null;
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double t = b[col];
            b[col] = b[pivot];
            b[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
