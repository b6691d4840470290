package org.vitaleterminal.sim.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianBlurTest {

    /** The blur as first written: every tap clamped. The fast path must give the same floats. */
    private static void reference(float[] plane, int width, int height, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double k = Math.exp(-(i * i) / (2 * sigma * sigma));
            kernel[i + radius] = (float) k;
            sum += k;
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        float[] line = new float[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    acc += kernel[k + radius] * plane[y * width + Math.min(width - 1, Math.max(0, x + k))];
                }
                line[x] = acc;
            }
            System.arraycopy(line, 0, plane, y * width, width);
        }
        float[] copy = plane.clone();
        float[] out = new float[width];
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(out, 0f);
            for (int k = -radius; k <= radius; k++) {
                int row = Math.min(height - 1, Math.max(0, y + k)) * width;
                for (int x = 0; x < width; x++) {
                    out[x] += kernel[k + radius] * copy[row + x];
                }
            }
            System.arraycopy(out, 0, plane, y * width, width);
        }
    }

    @Test
    void theFastPathGivesBitIdenticalPixels() {
        SplittableRandom random = new SplittableRandom(18004);
        for (int[] size : new int[][] {{64, 9}, {5, 4}, {3, 7}, {1, 3}, {640, 4}}) {
            for (double sigma : new double[] {0.35, 0.6, 1.3, 2.0}) {
                float[] plane = new float[size[0] * size[1]];
                for (int i = 0; i < plane.length; i++) {
                    plane[i] = (float) (255 * random.nextDouble());
                }
                float[] expected = plane.clone();
                reference(expected, size[0], size[1], sigma);
                GaussianBlur.apply(plane, size[0], size[1], sigma);
                assertArrayEquals(expected, plane, size[0] + "x" + size[1] + " sigma " + sigma);
            }
        }
    }
}
