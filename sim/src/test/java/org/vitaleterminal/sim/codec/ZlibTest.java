package org.vitaleterminal.sim.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.testing.QrTextDecoder;

class ZlibTest {

    @Test
    void producesAZlibStreamThatInflatesBack() throws DataFormatException {
        byte[] data = "VT1 VT1 VT1 VT1 VT1 VT1 VT1 VT1".repeat(20).getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = Zlib.compress(data);
        // RFC 1950 header: CM = 8 (deflate), and CMF*256 + FLG a multiple of 31.
        assertEquals(8, compressed[0] & 0x0F);
        assertEquals(0, ((compressed[0] & 0xFF) * 256 + (compressed[1] & 0xFF)) % 31);
        assertTrue(compressed.length < data.length / 4);
        assertArrayEquals(data, QrTextDecoder.inflate(compressed));
    }

    @Test
    void emptyInput() throws DataFormatException {
        assertArrayEquals(new byte[0], QrTextDecoder.inflate(Zlib.compress(new byte[0])));
    }

    @Test
    void qrTextIsPrefixBase45OfZlib() throws DataFormatException {
        byte[] data = {(byte) 0xD2, (byte) 0x84, 0x43, (byte) 0xA1, 0x01, 0x26};
        String text = Vt1QrText.of(data);
        assertTrue(text.startsWith("VT1:"));
        assertArrayEquals(data, QrTextDecoder.presentationBytes(text));
    }
}
