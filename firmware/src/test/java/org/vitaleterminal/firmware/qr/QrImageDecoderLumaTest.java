package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** How a decoded image file becomes the luma plane the strategy reads. */
class QrImageDecoderLumaTest {

    @Test
    void greyImagesGiveTheirOwnSamplesNotSrgbReEncodedOnes() {
        BufferedImage grey = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {29, 128, 208});
        // The premise: Java's grey colour space is linear, so getRGB re-encodes mid-grey.
        assertEquals(188, grey.getRGB(1, 0) & 0xFF);
        assertArrayEquals(new byte[] {29, (byte) 128, (byte) 208}, QrImageDecoder.luma(grey));

        BufferedImage deep = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {0x8000, 0xFFFF});
        assertArrayEquals(new byte[] {(byte) 128, (byte) 255}, QrImageDecoder.luma(deep));
    }

    @Test
    void colourImagesGiveBt601LumaWithTransparencyOverWhite() {
        BufferedImage colour = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        colour.setRGB(0, 0, 0xFFFF0000); // opaque red
        colour.setRGB(1, 0, 0xFF808080); // opaque mid-grey
        colour.setRGB(2, 0, 0x00000000); // fully transparent
        assertArrayEquals(new byte[] {76, (byte) 128, (byte) 255}, QrImageDecoder.luma(colour));
    }
}
