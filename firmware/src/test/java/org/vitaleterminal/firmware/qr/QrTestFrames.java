package org.vitaleterminal.firmware.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Arrays;
import java.util.Map;
import org.vitaleterminal.hal.camera.LumaFrame;

/** Camera-like frames with a QR code drawn into them (sharp modules on a grey scene). */
final class QrTestFrames {
    static final int DARK = 30;
    static final int LIGHT = 220;
    static final int SCENE = 128;

    private QrTestFrames() {}

    /** The code's modules (no quiet zone), ECC M. */
    static BitMatrix modules(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A frame of {@code width × height} (row stride {@code stride}, plane starting at {@code offset})
     * with the code at ({@code left}, {@code top}), {@code px} pixels per module, a 4-module
     * light quiet zone; {@code inverted} draws light modules on dark (dark mode).
     */
    static LumaFrame frame(String text, int width, int height, int stride, int offset, int left, int top, int px,
            boolean inverted, long sequence, long capturedNanos) {
        byte[] luma = new byte[offset + stride * height];
        Arrays.fill(luma, (byte) SCENE);
        BitMatrix code = modules(text);
        int quiet = 4 * px;
        int size = code.getWidth() * px;
        int dark = inverted ? LIGHT : DARK;
        int light = inverted ? DARK : LIGHT;
        for (int y = top - quiet; y < top + size + quiet; y++) {
            for (int x = left - quiet; x < left + size + quiet; x++) {
                if (x < 0 || y < 0 || x >= width || y >= height) {
                    continue;
                }
                int mx = Math.floorDiv(x - left, px);
                int my = Math.floorDiv(y - top, px);
                boolean black = mx >= 0 && my >= 0 && mx < code.getWidth() && my < code.getHeight() && code.get(mx, my);
                luma[offset + y * stride + x] = (byte) (black ? dark : light);
            }
        }
        return new LumaFrame(luma, offset, width, height, stride, sequence, capturedNanos);
    }

    static LumaFrame frame(String text, int px, long sequence, long capturedNanos) {
        return frame(text, 640, 480, 640, 0, 120, 60, px, false, sequence, capturedNanos);
    }

    static LumaFrame empty(int width, int height, long sequence, long capturedNanos) {
        byte[] luma = new byte[width * height];
        Arrays.fill(luma, (byte) SCENE);
        return new LumaFrame(luma, 0, width, height, width, sequence, capturedNanos);
    }
}
