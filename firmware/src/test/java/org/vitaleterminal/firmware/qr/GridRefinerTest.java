package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
