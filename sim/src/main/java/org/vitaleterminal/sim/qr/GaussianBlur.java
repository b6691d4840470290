package org.vitaleterminal.sim.qr;

/** Separable Gaussian blur of a float plane, edges clamped (the lens sees past the frame's edge). */
final class GaussianBlur {
    private GaussianBlur() {
    }

    static void apply(float[] plane, int width, int height, double sigma) {
        if (sigma < 0.05) {
            return;
        }
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
        float[] line = new float[Math.max(width, height)];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.min(width - 1, Math.max(0, x + k));
                    acc += kernel[k + radius] * plane[row + xx];
                }
                line[x] = acc;
            }
            System.arraycopy(line, 0, plane, row, width);
        }
        // Vertical pass row by row (whole rows accumulate), so memory is read in order.
        float[] copy = plane.clone();
        float[] out = new float[width];
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(out, 0f);
            for (int k = -radius; k <= radius; k++) {
                int row = Math.min(height - 1, Math.max(0, y + k)) * width;
                float weight = kernel[k + radius];
                for (int x = 0; x < width; x++) {
                    out[x] += weight * copy[row + x];
                }
            }
            System.arraycopy(out, 0, plane, y * width, width);
        }
    }
}
