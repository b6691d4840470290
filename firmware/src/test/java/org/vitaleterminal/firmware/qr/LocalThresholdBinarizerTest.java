package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bit-for-bit the same black matrix as ZXing's {@link HybridBinarizer}, on every geometry that has edge cases. */
class LocalThresholdBinarizerTest {
    private final LocalThresholdBinarizer binarizer = new LocalThresholdBinarizer();

    private static BitMatrix zxing(LumaImage image) throws NotFoundException {
        byte[] packed = new byte[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            System.arraycopy(image.pixels(), image.offset() + y * image.stride(), packed, y * image.width(),
                    image.width());
        }
        return new HybridBinarizer(new PlanarYUVLuminanceSource(packed, image.width(), image.height(), 0, 0,
                image.width(), image.height(), false)).getBlackMatrix();
    }

    /** Noise over a gradient, with flat patches (the low-contrast branch) and a stride and offset. */
    private static LumaImage texture(int width, int height, int stride, int offset, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[offset + stride * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean flat = ((x / 24) + (y / 16)) % 3 == 0;
                int value = flat ? 40 + (x / 24) * 7 % 200 : 30 + (x + 2 * y) % 180 + random.nextInt(60);
                pixels[offset + y * stride + x] = (byte) Math.min(255, value);
            }
        }
        return new LumaImage(pixels, offset, width, height, stride, LumaImage.Placement.IDENTITY);
    }

    @Test
    void matchesZxingOnMultiplesOfEightAndOnRaggedEdges() throws NotFoundException {
        int[][] sizes = {{640, 480}, {203, 157}, {40, 40}, {41, 47}, {100, 61}, {97, 333}};
        long seed = 1;
        for (int[] size : sizes) {
            LumaImage image = texture(size[0], size[1], size[0] + 13, 7 * (size[0] + 13) + 5, seed++);
            assertEquals(zxing(image), binarizer.binarize(image), size[0] + "x" + size[1]);
        }
    }

    @Test
    void matchesZxingOnAPhoneScreenFrameAndACropOfIt() throws NotFoundException {
        LumaImage frame = LumaImage.of(QrTestFrames.phoneScreen("VT1:" + "A".repeat(600), 640, 480, 4, 3));
        assertEquals(zxing(frame), binarizer.binarize(frame));
        LumaImage crop = FastFrameReader.aroundLastHit(frame, new QrHit.Bounds(150, 70, 490, 410));
        assertEquals(zxing(crop), binarizer.binarize(crop));
    }

    @Test
    void reusesItsMatrixWhileTheSizeStaysAndStillRecomputesEveryBit() throws NotFoundException {
        LumaImage first = texture(320, 240, 320, 0, 11);
        LumaImage second = texture(320, 240, 320, 0, 12);
        BitMatrix a = binarizer.binarize(first);
        BitMatrix b = binarizer.binarize(second);
        assertSame(a, b, "same size: the matrix is reused");
        assertEquals(zxing(second), b, "no bit of the first image survives");
        assertEquals(zxing(texture(200, 100, 200, 0, 13)), binarizer.binarize(texture(200, 100, 200, 0, 13)));
    }

    @Test
    void tinyImagesFallBackToZxingsGlobalMethod() throws NotFoundException {
        LumaImage tiny = texture(39, 60, 39, 0, 5);
        assertEquals(zxing(tiny), binarizer.binarize(tiny));
    }
}
