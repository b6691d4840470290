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
        // Interior pixels need no clamping: the same sums in the same order as at the edges, so the
        // pixels are identical, without a min/max per tap (a third of a photo's rendering time).
        int interiorFrom = Math.min(radius, width);
        int interiorTo = Math.max(interiorFrom, width - radius);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (x == interiorFrom) {
                    for (; x < interiorTo; x++) {
                        float acc = 0;
                        int from = row + x - radius;
                        for (int k = 0; k < kernel.length; k++) {
                            acc += kernel[k] * plane[from + k];
                        }
                        line[x] = acc;
                    }
                    if (x >= width) {
                        break;
                    }
                }
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
