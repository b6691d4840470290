package org.vitaleterminal.firmware.qr;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import org.vitaleterminal.hal.camera.LumaFrame;

/**
 * An 8-bit grey image as ZXing reads it: pixel (x, y) is {@code pixels[offset + y * stride + x]},
 * the layout of a camera's Y plane. Derived images (crops, upscales, rotations) are packed
 * ({@code offset 0, stride = width}) and remember where they came from in {@link Placement},
 * so a hit found in them can be mapped back to frame coordinates.
 */
record LumaImage(byte[] pixels, int offset, int width, int height, int stride, Placement placement) {

    LumaImage {
        if (width <= 0 || height <= 0 || stride < width || offset < 0
                || (long) offset + (long) stride * (height - 1) + width > pixels.length) {
            throw new IllegalArgumentException("image geometry " + width + "x" + height + " stride " + stride
                    + " offset " + offset + " does not fit " + pixels.length + " bytes");
        }
    }

    /** A packed image at frame coordinates. */
    static LumaImage packed(byte[] pixels, int width, int height) {
        return new LumaImage(pixels, 0, width, height, width, Placement.IDENTITY);
    }

    /** The frame's Y plane as it is (no copy). */
    static LumaImage of(LumaFrame frame) {
        return new LumaImage(frame.luma(), frame.offset(), frame.width(), frame.height(), frame.rowStride(),
                Placement.IDENTITY);
    }

    int luma(int x, int y) {
        return pixels[offset + y * stride + x] & 0xFF;
    }

    /**
     * A ZXing view of the image. Zero-copy when the plane is laid out as {@link PlanarYUVLuminanceSource}
     * expects (whole rows of {@code stride} bytes); otherwise (a short last row) a packed copy.
     */
    LuminanceSource source() {
        int top = offset / stride;
        int left = offset % stride;
        if (left + width <= stride && (long) stride * (top + height) <= pixels.length) {
            int dataHeight = pixels.length / stride;
            return new PlanarYUVLuminanceSource(pixels, stride, dataHeight, left, top, width, height, false);
        }
        return new PlanarYUVLuminanceSource(ImageOps.crop(this, 0, 0, width, height).pixels(), width, height,
                0, 0, width, height, false);
    }

    /**
     * Where a derived image sits in the original: original x = left + x / scale (same for y).
     * Rotated images have no simple placement ({@code exact == false}): their hits carry no bounds.
     */
    record Placement(int left, int top, int scale, boolean exact) {
        static final Placement IDENTITY = new Placement(0, 0, 1, true);
        static final Placement UNKNOWN = new Placement(0, 0, 1, false);
    }
}
