package org.vitaleterminal.firmware.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
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

    /**
     * A phone screen held up to a VGA-class camera: the code at {@code px} px/module centred on a
     * light panel (never pure black or white: 45/205) over a darker, shaded scene, then a 3×3 box
     * blur (focus) and Gaussian sensor noise (σ = 4 grey levels) from {@code seed}. Deterministic;
     * the same recipe as the benchmark frames. {@code text == null} gives the scene alone.
     */
    static LumaFrame phoneScreen(String text, int width, int height, int px, long seed) {
        int[] scene = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                scene[y * width + x] = 70 + 50 * x / width + 30 * y / height;
            }
        }
        if (text != null) {
            BitMatrix code = modules(text);
            int size = code.getWidth() * px;
            int quiet = 4 * px;
            int left = (width - size) / 2;
            int top = (height - size) / 2;
            for (int y = Math.max(0, top - quiet); y < Math.min(height, top + size + quiet); y++) {
                for (int x = Math.max(0, left - quiet); x < Math.min(width, left + size + quiet); x++) {
                    int mx = Math.floorDiv(x - left, px);
                    int my = Math.floorDiv(y - top, px);
                    boolean dark = mx >= 0 && my >= 0 && mx < code.getWidth() && my < code.getWidth() && code.get(mx, my);
                    scene[y * width + x] = dark ? 45 : 205;
                }
            }
        }
        byte[] luma = new byte[width * height];
        Random noise = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        sum += scene[Math.clamp(y + dy, 0, height - 1) * width + Math.clamp(x + dx, 0, width - 1)];
                    }
                }
                luma[y * width + x] = (byte) Math.clamp(Math.round(sum / 9.0 + noise.nextGaussian() * 4), 0, 255);
            }
        }
        return new LumaFrame(luma, 0, width, height, width, 0, 0);
    }
}
