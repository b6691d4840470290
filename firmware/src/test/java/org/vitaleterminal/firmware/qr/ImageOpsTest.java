package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImageOpsTest {

    private static LumaImage ramp(int width, int height) {
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) ((x * 37 + y * 11) & 0xFF);
            }
        }
        return LumaImage.packed(pixels, width, height);
    }

    @Test
    void upscaleByTwoIsTheExistingUpscale2() {
        LumaImage image = ramp(13, 7);
        assertArrayEquals(ImageOps.upscale2(image).pixels(), ImageOps.upscale(image, 2).pixels());
    }

    @Test
    void upscaleByThreeAndFourKeepsEdgesWhereTheyWere() {
        // A dark left half and a light right half, edge at x = 4: at ×k the output pixel centres
        // left of 4k are darker than mid-grey and those right of it lighter, symmetrically.
        int width = 8;
        byte[] pixels = new byte[width * 2];
        for (int x = 0; x < width; x++) {
            pixels[x] = pixels[width + x] = (byte) (x < 4 ? 20 : 220);
        }
        LumaImage image = LumaImage.packed(pixels, width, 2);
        for (int factor : new int[] {3, 4}) {
            LumaImage up = ImageOps.upscale(image, factor);
            assertEquals(width * factor, up.width());
            assertEquals(2 * factor, up.height());
            assertEquals(factor, up.placement().scale());
            for (int d = 0; d < factor; d++) {
                int left = up.luma(4 * factor - 1 - d, 0);
                int right = up.luma(4 * factor + d, 0);
                assertEquals(240, left + right, "mirror pair " + d + " at x" + factor);
                assertEquals(true, left < 120, "left of the edge at x" + factor);
            }
            assertEquals(20, up.luma(0, 0));
            assertEquals(220, up.luma(up.width() - 1, up.height() - 1));
        }
    }

    /**
     * The phone-screen levels (dark 29, light 208): a light module dimmed to half by moiré is
     * nearer dark than full light in linear grey, nearer full light after the curve.
     */
    @Test
    void brightenPutsAHalfDimmedLightModuleBackOnTheLightSide() {
        byte[] levels = {0, 29, 104, (byte) 208, (byte) 255};
        LumaImage bright = ImageOps.brighten(LumaImage.packed(levels, levels.length, 1));
        int dark = bright.luma(1, 0);
        int half = bright.luma(2, 0);
        int light = bright.luma(3, 0);
        assertEquals(0, bright.luma(0, 0));
        assertEquals(255, bright.luma(4, 0));
        org.junit.jupiter.api.Assertions.assertTrue(104 < (29 + 208) / 2, "premise: dark side in linear grey");
        org.junit.jupiter.api.Assertions.assertTrue(half > (dark + light) / 2,
                "after the curve: " + dark + " / " + half + " / " + light);
        org.junit.jupiter.api.Assertions.assertTrue(dark < half && half < light, "monotonic");
    }

    @Test
    void brightenReadsAViewThroughItsOffsetAndStrideAndKeepsItsPlacement() {
        byte[] plane = new byte[10 * 6];
        plane[2 * 10 + 3] = (byte) 128; // pixel (1, 1) of the view below
        LumaImage view = new LumaImage(plane, 10 + 2, 6, 4, 10, new LumaImage.Placement(2, 1, 1, true));
        LumaImage bright = ImageOps.brighten(view);
        assertEquals(6, bright.width());
        assertEquals(4, bright.height());
        assertEquals(188, bright.luma(1, 1)); // sRGB encoding of 128/255
        assertEquals(0, bright.luma(0, 0));
        assertEquals(view.placement(), bright.placement());
    }
}
