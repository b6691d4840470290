package org.vitaleterminal.hal.camera;

import java.util.Objects;

/**
 * A still picture as tightly packed 8-bit luma, row by row: what a replayed image or a rendered
 * phone screen becomes once, before it is shown as many frames.
 *
 * @param pixels {@code width * height} grey levels; pixel (x, y) is {@code pixels[y * width + x]}
 */
public record LumaImage(int width, int height, byte[] pixels) {

    public LumaImage {
        Objects.requireNonNull(pixels, "pixels");
        if (width <= 0 || height <= 0 || (long) width * height != pixels.length) {
            throw new IllegalArgumentException(
                    "image " + width + "x" + height + " does not match " + pixels.length + " pixels");
        }
    }

    /** The grey level of pixel (x, y), 0..255. */
    public int luma(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }
}
