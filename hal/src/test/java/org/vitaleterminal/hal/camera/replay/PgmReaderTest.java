package org.vitaleterminal.hal.camera.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.hal.camera.LumaImage;

class PgmReaderTest {

    private static LumaImage read(byte[] bytes) throws IOException {
        return PgmReader.read(new ByteArrayInputStream(bytes), "t.pgm", LumaImages.MAX_PIXELS);
    }

    private static byte[] concat(String header, int... samples) {
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + samples.length];
        System.arraycopy(h, 0, all, 0, h.length);
        for (int i = 0; i < samples.length; i++) {
            all[h.length + i] = (byte) samples[i];
        }
        return all;
    }

    @Test
    void readsEightBitPixelsWithCommentsInTheHeader() throws IOException {
        LumaImage image = read(concat("P5 # made by hand\n3 2\n# levels\n255\n", 0, 1, 2, 253, 254, 255));
        assertEquals(3, image.width());
        assertEquals(2, image.height());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 253, (byte) 254, (byte) 255}, image.pixels());
    }

    @Test
    void scalesSixteenBitAndSmallMaxvalsTo255() throws IOException {
        assertArrayEquals(new byte[] {0, (byte) 128, (byte) 255},
                read(concat("P5 3 1 65535\n", 0, 0, 0x80, 0x00, 0xFF, 0xFF)).pixels());
        assertArrayEquals(new byte[] {0, (byte) 255}, read(concat("P5 2 1 1\n", 0, 1)).pixels());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "P2 2 1 255\\n0 0                  | t.pgm: not a binary PGM (P5) image",
        "P5 2 1 255\\nA                   | t.pgm: PGM pixel data truncated (1 of 2 bytes)",
        "P5 100000 100000 255\\n           | t.pgm: PGM size 100000x100000 is outside 1 to 16777216 pixels",
        "P5 0 1 255\\n                     | t.pgm: PGM size 0x1 is outside 1 to 16777216 pixels",
        "P5 2 1 0\\n\u0000\u0000           | t.pgm: PGM maximum grey value 0 is outside 1..65535",
        "P5 2 1 9999999999\\n              | t.pgm: PGM maximum grey value is too long a number",
        "P5 2 x 255\\n                     | t.pgm: PGM header has no valid height",
        "P5 2 1 100\\n\u0000\u0065         | t.pgm: PGM pixel 1 is 101, above the maximum 100",
        "P5                               | t.pgm: PGM header has no valid width",
    })
    void refusesBadFilesWithAReason(String content, String reason) {
        IOException e = assertThrows(IOException.class,
                () -> read(content.replace("\\n", "\n").getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(reason, e.getMessage());
    }
}
