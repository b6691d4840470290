package org.vitaleterminal.sim.camera;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Arrays;
import java.util.Map;
import org.vitaleterminal.hal.camera.LumaImage;

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
     * A frame showing {@code text} as a QR code (error correction M, byte mode as ZXing picks).
     *
     * @throws IllegalArgumentException when the code does not fit the frame at this module size;
     *                                  the message gives sizes only, never the text
     */
    public LumaImage show(String text) {
        BitMatrix modules = encode(text);
        int side = modules.getWidth() + 2 * QUIET_ZONE;
        int pixels = side * moduleSize;
        if (pixels > width || pixels > height) {
            throw new IllegalArgumentException("a QR code of " + modules.getWidth() + " modules at " + moduleSize
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
                boolean dark = mx >= 0 && my >= 0 && mx < modules.getWidth() && my < modules.getHeight()
                        && modules.get(mx, my);
                out[(top + y) * width + left + x] = (byte) (dark ? 0 : 255);
            }
        }
        return frame;
    }

    /** The QR modules of {@code text}, one bit each, without quiet zone. */
    static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text of " + text.length() + " characters does not fit a QR code", e);
        }
    }
}
