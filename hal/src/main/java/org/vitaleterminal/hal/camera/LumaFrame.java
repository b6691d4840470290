package org.vitaleterminal.hal.camera;

import java.util.Objects;

/**
 * One camera frame as its luma (Y) plane: 8-bit grey levels, row by row. A QR decoder needs
 * nothing else, and the Y plane of YUV420 is the first {@code rowStride × height} bytes of a
 * raw frame, so it can be handed over without conversion.
 *
 * <p>The array may be longer than the plane and may be recycled by the source once the
 * consumer asks for the next frame: a consumer that keeps pixels longer copies them.
 *
 * @param luma          the pixels; pixel (x, y) is {@code luma[offset + y * rowStride + x]}
 * @param offset        index of pixel (0, 0)
 * @param width         pixels per row actually shown
 * @param height        rows
 * @param rowStride     bytes from one row to the next (≥ width; rpicam pads rows)
 * @param sequence      frame number since the source started, strictly increasing
 * @param capturedNanos {@link System#nanoTime()}-based time the frame was read from the device
 */
public record LumaFrame(byte[] luma, int offset, int width, int height, int rowStride, long sequence,
        long capturedNanos) {

    public LumaFrame {
        Objects.requireNonNull(luma, "luma");
        if (width <= 0 || height <= 0 || rowStride < width || offset < 0
                || (long) offset + (long) rowStride * (height - 1) + width > luma.length) {
            throw new IllegalArgumentException("frame geometry " + width + "x" + height + " stride " + rowStride
                    + " offset " + offset + " does not fit " + luma.length + " bytes");
        }
    }
}
