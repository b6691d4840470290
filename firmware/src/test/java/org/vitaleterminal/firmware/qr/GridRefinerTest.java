package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.ResultPoint;

import com.google.zxing.common.PerspectiveTransform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridRefinerTest {

    @Test
    void fitRecoversAHomographyFromItsOwnPoints() {
        int dimension = 89;
        // A strong keystone: the far edge of the code 30 % shorter than the near one.
        PerspectiveTransform truth = PerspectiveTransform.quadrilateralToQuadrilateral(0, 0, dimension, 0,
                dimension, dimension, 0, dimension, 100, 80, 560, 120, 520, 430, 130, 470);
        List<double[]> pairs = new ArrayList<>();
        for (int v : new int[] {3, 30, 56, 82}) {
            for (int u : new int[] {3, 30, 56, 82}) {
                float[] point = {u + 0.5f, v + 0.5f};
                truth.transformPoints(point);
                pairs.add(new double[] {u + 0.5, v + 0.5, point[0], point[1]});
            }
        }
        PerspectiveTransform fitted = GridRefiner.fit(pairs, dimension).orElseThrow();
        for (float[] module : new float[][] {{0, 0}, {44.5f, 44.5f}, {dimension, 0}, {17.5f, 71.5f}}) {
            float[] expected = module.clone();
            float[] actual = module.clone();
            truth.transformPoints(expected);
            fitted.transformPoints(actual);
            assertEquals(expected[0], actual[0], 0.01, "x of " + module[0] + "," + module[1]);
            assertEquals(expected[1], actual[1], 0.01, "y of " + module[0] + "," + module[1]);
        }
    }

    /**
     * The perspective implied by the finders' module sizes: exact when the sizes are (each the
     * square root of the homography's local area scale), and far better than the parallelogram
     * through the same three centres, which is what the refiner used to grow from.
     */
    @Test
    void finderSizesGiveTheFourthCornerOfAStrongKeystone() {
        int dimension = 89;
        // Seen from the right at ~30°: the left edge 40 % shorter than the right one.
        PerspectiveTransform truth = PerspectiveTransform.quadrilateralToQuadrilateral(0, 0, dimension, 0,
                dimension, dimension, 0, dimension, 440, 75, 890, 45, 925, 610, 470, 540);
        float far = dimension - 3.5f;
        float[][] modules = {{3.5f, 3.5f}, {far, 3.5f}, {3.5f, far}};
        ResultPoint[] centres = new ResultPoint[3];
        double[] sizes = new double[3];
        for (int k = 0; k < 3; k++) {
            float[] at = modules[k].clone();
            truth.transformPoints(at);
            centres[k] = new ResultPoint(at[0], at[1]);
            sizes[k] = Math.sqrt(areaScale(truth, modules[k][0], modules[k][1]));
        }
        PerspectiveTransform sized = GreyGridReader.perspectiveFromFinderSizes(centres, sizes, dimension).orElseThrow();
        PerspectiveTransform parallelogram = GreyGridReader.gridToImage(centres[0], centres[1], centres[2], null,
                dimension);
        double sizedError = 0;
        double parallelogramError = 0;
        for (float[] module : new float[][] {{far, far}, {44.5f, 44.5f}, {30.5f, 6.5f}, {6.5f, 30.5f}}) {
            float[] expected = module.clone();
            truth.transformPoints(expected);
            sizedError = Math.max(sizedError, distance(sized, module, expected));
            parallelogramError = Math.max(parallelogramError, distance(parallelogram, module, expected));
        }
        double moduleSize = sizes[0];
        assertTrue(sizedError < 0.05 * moduleSize, "sized grid off by " + sizedError + " px");
        assertTrue(parallelogramError > 2 * moduleSize, "the premise: the parallelogram is modules off ("
                + parallelogramError + " px)");
    }

    @Test
    void noSizesOrAHorizonInsideTheCodeGiveNoGrid() {
        ResultPoint[] centres = {new ResultPoint(100, 100), new ResultPoint(500, 100), new ResultPoint(100, 500)};
        assertTrue(GreyGridReader.perspectiveFromFinderSizes(centres, new double[] {5, 0, 5}, 89).isEmpty());
        assertTrue(GreyGridReader.perspectiveFromFinderSizes(centres, new double[] {5, 5, Double.NaN}, 89).isEmpty());
        // Both far finders eight times the near one's module size: the projective denominator
        // would vanish before the fourth corner.
        assertTrue(GreyGridReader.perspectiveFromFinderSizes(centres, new double[] {1, 8, 8}, 89).isEmpty());
        assertTrue(GreyGridReader.perspectiveFromFinderSizes(new ResultPoint[] {centres[0], centres[1], centres[2]}, 89)
                .isEmpty(), "plain points carry no module size");
    }

    /** |det J| of the transform at module (u, v), by central differences. */
    private static double areaScale(PerspectiveTransform grid, float u, float v) {
        float h = 0.01f;
        float[] p = {u + h, v, u - h, v, u, v + h, u, v - h};
        grid.transformPoints(p);
        double dxdu = (p[0] - p[2]) / (2 * h);
        double dydu = (p[1] - p[3]) / (2 * h);
        double dxdv = (p[4] - p[6]) / (2 * h);
        double dydv = (p[5] - p[7]) / (2 * h);
        return Math.abs(dxdu * dydv - dxdv * dydu);
    }

    private static double distance(PerspectiveTransform grid, float[] module, float[] expected) {
        float[] actual = module.clone();
        grid.transformPoints(actual);
        return Math.hypot(actual[0] - expected[0], actual[1] - expected[1]);
    }
}
