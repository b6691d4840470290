package org.vitaleterminal.sim.camera;

import java.util.Arrays;
import org.vitaleterminal.hal.camera.LumaImage;
import org.vitaleterminal.sim.qr.QrSymbol;

/**
 * Draws what the camera sees of a phone screen: a QR code, black modules on white with a 4-module
 * quiet zone, in the middle of a grey frame. Deliberately clean; distortions are another renderer's job.
 *
 * @param width      frame width in pixels
 * @param height     frame height in pixels
 * @param moduleSize pixels per QR module
 * @param background grey level around the phone screen, 0..255
 */
public record QrScreen(int width, int height, int moduleSize, int background) {
    static final int QUIET_ZONE = 4;

    public QrScreen {
        if (width < 21 || height < 21 || (long) width * height > 16L << 20 || moduleSize < 1
                || background < 0 || background > 255) {
            throw new IllegalArgumentException("screen " + width + "x" + height + ", module " + moduleSize
                    + " px, background " + background + " is not drawable");
        }
    }

    /** A frame with nothing but the background. */
    public LumaImage blank() {
        byte[] pixels = new byte[width * height];
        Arrays.fill(pixels, (byte) background);
        return new LumaImage(width, height, pixels);
    }

    /**
     * A frame showing {@code text} as a QR code (error correction M, as {@link QrSymbol#encode} draws it).
     *
     * @throws IllegalArgumentException when the code does not fit the frame at this module size;
     *                                  the message gives sizes only, never the text
     */
    public LumaImage show(String text) {
        QrSymbol symbol = QrSymbol.encode(text);
        int side = symbol.size() + 2 * QUIET_ZONE;
        int pixels = side * moduleSize;
        if (pixels > width || pixels > height) {
            throw new IllegalArgumentException("a QR code of " + symbol.size() + " modules at " + moduleSize
                    + " px per module needs " + pixels + " px with its quiet zone; the frame is " + width + "x" + height);
        }
        LumaImage frame = blank();
        byte[] out = frame.pixels();
        int left = (width - pixels) / 2;
        int top = (height - pixels) / 2;
        for (int y = 0; y < pixels; y++) {
            int my = y / moduleSize - QUIET_ZONE;
            for (int x = 0; x < pixels; x++) {
                int mx = x / moduleSize - QUIET_ZONE;
                boolean dark = symbol.isDark(mx, my);
                out[(top + y) * width + left + x] = (byte) (dark ? 0 : 255);
            }
        }
        return frame;
    }
}
