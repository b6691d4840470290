package org.vitaleterminal.sim.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.testing.Base45Decoder;

class Base45EncoderTest {

    private static String encode(String ascii) {
        return Base45Encoder.encode(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void rfc9285Examples() {
        assertEquals("BB8", encode("AB"));
        assertEquals("%69 VD92EX0", encode("Hello!!"));
        assertEquals("UJCLQE7W581", encode("base-45"));
        assertEquals("QED8WEX0", encode("ietf!"));
    }

    @Test
    void edgeValues() {
        assertEquals("", Base45Encoder.encode(new byte[0]));
        assertEquals("00", Base45Encoder.encode(new byte[] {0}));
        assertEquals("U5", Base45Encoder.encode(new byte[] {(byte) 0xFF}));            // 255 = 30 + 5*45
        assertEquals("FGW", Base45Encoder.encode(new byte[] {(byte) 0xFF, (byte) 0xFF})); // 65535 = 15 + 16*45 + 32*2025
        assertEquals("000", Base45Encoder.encode(new byte[] {0, 0}));
    }

    @Test
    void roundTripsThroughAnIndependentDecoder() {
        Random random = new Random(45);
        for (int length = 0; length < 64; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            String text = Base45Encoder.encode(data);
            assertEquals((length / 2) * 3 + (length % 2) * 2, text.length());
            assertArrayEquals(data, Base45Decoder.decode(text));
        }
    }
}
