package org.vitaleterminal.firmware.qr;

/**
 * The few image operations the fallbacks need, on 8-bit grey: crop, bilinear upscale, a
 * rotation about the centre and a brightening tone curve. Each returns a new packed image; the
 * input is never modified (it may be the camera's buffer).
 */
final class ImageOps {
    private ImageOps() {}

    static LumaImage crop(LumaImage image, int left, int top, int width, int height) {
        byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(image.pixels(), image.offset() + (top + y) * image.stride() + left, out, y * width, width);
        }
        LumaImage.Placement from = image.placement();
        return new LumaImage(out, 0, width, height, width, from.exact()
                ? new LumaImage.Placement(from.left() + left / from.scale(), from.top() + top / from.scale(),
                        from.scale(), true)
                : LumaImage.Placement.UNKNOWN);
    }

    /**
     * Twice the size, bilinear. Modules of 2–3 px become 4–6 px with soft edges, which ZXing's
     * finder-pattern scan and local threshold handle far better than the original small, blurred
     * modules (the blackbox photos of small or distant codes).
     */
    static LumaImage upscale2(LumaImage image) {
        int w = image.width();
        int h = image.height();
        int ow = w * 2;
        int oh = h * 2;
        byte[] out = new byte[ow * oh];
        for (int oy = 0; oy < oh; oy++) {
            // Output pixel centres sit at source coordinates (o + 0.5) / 2 - 0.5 = o/2 - 0.25.
            int sy4 = 2 * oy - 1; // source y in quarter pixels
            int y0 = Math.max(0, Math.floorDiv(sy4, 4));
            int fy = sy4 < 0 ? 0 : sy4 & 3;
            int y1 = Math.min(h - 1, y0 + 1);
            int row0 = image.offset() + y0 * image.stride();
            int row1 = image.offset() + y1 * image.stride();
            for (int ox = 0; ox < ow; ox++) {
                int sx4 = 2 * ox - 1;
                int x0 = Math.max(0, Math.floorDiv(sx4, 4));
                int fx = sx4 < 0 ? 0 : sx4 & 3;
                int x1 = Math.min(w - 1, x0 + 1);
                int top = (image.pixels()[row0 + x0] & 0xFF) * (4 - fx) + (image.pixels()[row0 + x1] & 0xFF) * fx;
                int bottom = (image.pixels()[row1 + x0] & 0xFF) * (4 - fx) + (image.pixels()[row1 + x1] & 0xFF) * fx;
                out[oy * ow + ox] = (byte) ((top * (4 - fy) + bottom * fy + 8) >> 4);
            }
        }
        LumaImage.Placement from = image.placement();
        return new LumaImage(out, 0, ow, oh, ow, from.exact()
                ? new LumaImage.Placement(from.left(), from.top(), from.scale() * 2, true)
                : LumaImage.Placement.UNKNOWN);
    }

    /**
     * {@code factor} times the size, bilinear, pixel centres aligned as in {@link #upscale2} (which
     * this is for factor 2). ×3 and ×4 serve the 2 px/module codes: ZXing's finder-pattern scan
     * wants its 1:1:3:1:1 runs several pixels long, and at 2 px one blurred edge pixel is half a
     * module.
     */
    static LumaImage upscale(LumaImage image, int factor) {
        if (factor == 1) {
            return image;
        }
        if (factor == 2) {
            return upscale2(image);
        }
        int w = image.width();
        int h = image.height();
        int ow = w * factor;
        int oh = h * factor;
        int twoF = 2 * factor;
        // Source coordinate of output pixel o, in units of 1 / (2 factor): 2o + 1 - factor.
        int[] x0 = new int[ow];
        int[] x1 = new int[ow];
        int[] fx = new int[ow];
        for (int ox = 0; ox < ow; ox++) {
            int s = 2 * ox + 1 - factor;
            x0[ox] = Math.max(0, Math.floorDiv(s, twoF));
            fx[ox] = s < 0 ? 0 : Math.floorMod(s, twoF);
            x1[ox] = Math.min(w - 1, x0[ox] + 1);
        }
        byte[] out = new byte[ow * oh];
        byte[] in = image.pixels();
        int round = twoF * twoF / 2;
        for (int oy = 0; oy < oh; oy++) {
            int s = 2 * oy + 1 - factor;
            int y0 = Math.max(0, Math.floorDiv(s, twoF));
            int fy = s < 0 ? 0 : Math.floorMod(s, twoF);
            int row0 = image.offset() + y0 * image.stride();
            int row1 = image.offset() + Math.min(h - 1, y0 + 1) * image.stride();
            for (int ox = 0; ox < ow; ox++) {
                int top = (in[row0 + x0[ox]] & 0xFF) * (twoF - fx[ox]) + (in[row0 + x1[ox]] & 0xFF) * fx[ox];
                int bottom = (in[row1 + x0[ox]] & 0xFF) * (twoF - fx[ox]) + (in[row1 + x1[ox]] & 0xFF) * fx[ox];
                out[oy * ow + ox] = (byte) ((top * (twoF - fy) + bottom * fy + round) / (twoF * twoF));
            }
        }
        LumaImage.Placement from = image.placement();
        return new LumaImage(out, 0, ow, oh, ow, from.exact()
                ? new LumaImage.Placement(from.left(), from.top(), from.scale() * factor, true)
                : LumaImage.Placement.UNKNOWN);
    }

    /**
     * Rotated by {@code degrees} about the centre, same size, nearest neighbour; corners that
     * fall outside the source are white (paper). ZXing scans rows for finder patterns and
     * samples the grid through one perspective transform: on a curved or skewed print, a small
     * rotation changes which rows cross the finder patterns and where their centres land, and is
     * sometimes all it takes (the curved T-shirt prints of the blackbox set).
     */
    static LumaImage rotate(LumaImage image, double degrees) {
        int w = image.width();
        int h = image.height();
        double radians = Math.toRadians(degrees);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double cx = w / 2.0;
        double cy = h / 2.0;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            double dy = y - cy;
            for (int x = 0; x < w; x++) {
                double dx = x - cx;
                long sx = Math.round(cos * dx + sin * dy + cx);
                long sy = Math.round(-sin * dx + cos * dy + cy);
                out[y * w + x] = sx >= 0 && sy >= 0 && sx < w && sy < h
                        ? image.pixels()[image.offset() + (int) sy * image.stride() + (int) sx]
                        : (byte) 0xFF;
            }
        }
        return new LumaImage(out, 0, w, h, w, LumaImage.Placement.UNKNOWN);
    }

    /** The sRGB transfer curve as a table: linear light in, encoded value out, both 0..255. */
    private static final byte[] BRIGHTEN = brightenTable();

    private static byte[] brightenTable() {
        byte[] table = new byte[256];
        for (int v = 0; v < 256; v++) {
            double linear = v / 255.0;
            double encoded = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
            table[v] = (byte) Math.round(255 * encoded);
        }
        return table;
    }

    /**
     * The image through the sRGB transfer curve (≈ a 1/2.4 power): shadows lifted, light levels
     * compressed. A phone screen filmed by a camera shows moiré — the beat between screen and
     * sensor pixels — which multiplies the screen's light by a pattern of a few pixels' period and
     * can halve light modules; at 2 px/module ZXing's block thresholds then see a finder's light
     * ring as dark and find no pattern at all: in linear grey a light module dimmed to half
     * falls below the midpoint between a dark module and full light. On this curve it stays above
     * it (half light encodes to 73 %, and dark modules are lifted more), so the thresholds see it
     * as light again. Same size and placement as the input.
     */
    static LumaImage brighten(LumaImage image) {
        int w = image.width();
        int h = image.height();
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int base = image.offset() + y * image.stride();
            for (int x = 0; x < w; x++) {
                out[y * w + x] = BRIGHTEN[image.pixels()[base + x] & 0xFF];
            }
        }
        return new LumaImage(out, 0, w, h, w, image.placement());
    }
}
