package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.zxing.common.BitMatrix;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The grey-grid attempts on a code where ZXing's own sampling gives up: 2 px/module with every
 * module edge on a pixel centre (half-pixel phase: each edge pixel is mid-grey), slightly blurred
 * and noisy, the case the phone-screen set showed ZXing 3.5.4 missing. Every other attempt of the
 * standard list misses it (checked when the test was written); the tests pin the ones that
 * matter so a change to the grey grid that loses it fails here.
 */
class GreyGridReaderTest {
    private static final String TEXT = "VT1:" + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".repeat(14);

    /** Weight of the centre pixel in the 3×3 blur (its 8 neighbours weigh 1 each). */
    static final int BLUR_CENTRE = 12;
    /** Sensor noise σ, grey levels. */
    static final double NOISE = 3;

    /** The code at 2 px/module, shifted by half a pixel, lightly blurred, with Gaussian noise. */
    static LumaImage halfPixelPhaseCode(String text) {
        BitMatrix code = QrTestFrames.modules(text);
        int n = code.getWidth();
        int width = 640;
        int height = 480;
        int left = (width - 2 * n) / 2;
        int top = (height - 2 * n) / 2;
        // Render at 4 sub-pixels per module (2 per pixel), shifted by one sub-pixel, then average
        // 2×2 sub-pixels per pixel.
        float[] plane = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int sy = 0; sy < 2; sy++) {
                    for (int sx = 0; sx < 2; sx++) {
                        int mx = Math.floorDiv(2 * (x - left) + sx + 1, 4);
                        int my = Math.floorDiv(2 * (y - top) + sy + 1, 4);
                        boolean dark = mx >= 0 && my >= 0 && mx < n && my < n && code.get(mx, my);
                        sum += dark ? QrTestFrames.DARK : QrTestFrames.LIGHT;
                    }
                }
                plane[y * width + x] = sum / 4;
            }
        }
        SplittableRandom noise = new SplittableRandom(18004);
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.min(width - 1, Math.max(0, x + dx));
                        int yy = Math.min(height - 1, Math.max(0, y + dy));
                        sum += plane[yy * width + xx] * (dx == 0 && dy == 0 ? BLUR_CENTRE : 1);
                    }
                }
                double value = sum / (BLUR_CENTRE + 8) + NOISE * noise.nextGaussian();
                pixels[y * width + x] = (byte) Math.max(0, Math.min(255, Math.round(value)));
            }
        }
        return LumaImage.packed(pixels, width, height);
    }

    private static AttemptRunner.Outcome run(String attempt, LumaImage image) {
        QrAttempt found = QrDecodeStrategy.STANDARD_ATTEMPTS.stream().filter(a -> a.name().equals(attempt))
                .findFirst().orElseThrow();
        return new ZxingAttemptRunner(ZxingAttemptRunner.STILL_MAX_DERIVED_PIXELS).run(found, image, Optional.empty());
    }

    @Test
    void zxingsOwnSamplingMissesTheCodeThatTheGreyGridReads() {
        LumaImage image = halfPixelPhaseCode(TEXT);
        // The premise: ZXing's sampling of its binarized image, even at ×2, does not decode it.
        for (String attempt : new String[] {"hybrid", "global", "x2-hybrid", "x2-global"}) {
            assertEquals(false, run(attempt, image) instanceof AttemptRunner.Outcome.Hit, attempt + " decoded it");
        }
        AttemptRunner.Outcome.Hit hit = assertInstanceOf(AttemptRunner.Outcome.Hit.class, run("x4-grey-grid", image));
        assertEquals(TEXT, hit.hit().text());
    }

    @Test
    void theStillImageDecoderReadsItExactly() {
        LumaImage image = halfPixelPhaseCode(TEXT);
        assertEquals(Optional.of(TEXT), new QrImageDecoder().decodeHit(image).map(QrHit::text));
    }

    @Test
    void darkModeNeedsTheInvertedGreyGrid() {
        LumaImage light = halfPixelPhaseCode(TEXT);
        byte[] inverted = new byte[light.width() * light.height()];
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = (byte) (255 - (light.pixels()[i] & 0xFF));
        }
        LumaImage image = LumaImage.packed(inverted, light.width(), light.height());
        assertEquals(false, run("x4-grey-grid", image) instanceof AttemptRunner.Outcome.Hit);
        AttemptRunner.Outcome.Hit hit = assertInstanceOf(AttemptRunner.Outcome.Hit.class,
                run("x4-grey-grid-inverted", image));
        assertEquals(TEXT, hit.hit().text());
    }
}
