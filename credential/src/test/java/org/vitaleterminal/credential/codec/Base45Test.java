package org.vitaleterminal.credential.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;

/** RFC 9285 examples and the strictness rules of spec §2.1 (signed-qr.md §2.3). */
class Base45Test {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    /** RFC 9285 §4.3 / §4.4 examples, both directions (the encoder is the test's own, below). */
    @ParameterizedTest(name = "\"{0}\" <-> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "AB      | BB8",
        "Hello!! | \"%69 VD92EX0\"",
        "base-45 | UJCLQE7W581",
        "ietf!   | QED8WEX0",
    })
    void rfc9285Examples(String plain, String encoded) throws Rejection {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(bytes, Base45.decode(encoded));
        assertEquals(encoded, encode(bytes));
    }

    @Test
    void emptyTextIsEmptyBytes() throws Rejection {
        assertArrayEquals(new byte[0], Base45.decode(""));
    }

    @Test
    void decodesFromAnOffset() throws Rejection {
        assertArrayEquals("AB".getBytes(StandardCharsets.US_ASCII), Base45.decode("VT1:BB8", 4));
        assertArrayEquals(new byte[0], Base45.decode("VT1:", 4));
    }

    /** The extremes that are still legal: a group of exactly 65535 and a final pair of exactly 255. */
    @Test
    void largestLegalValues() throws Rejection {
        // 65535 = 15 + 16*45 + 32*45^2 -> "FGW"; 255 = 30 + 5*45 -> "U5"
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF}, Base45.decode(encode(new byte[] {-1, -1})));
        assertEquals("FGW", encode(new byte[] {-1, -1}));
        assertEquals("U5", encode(new byte[] {-1}));
        assertArrayEquals(new byte[] {(byte) 0xFF}, Base45.decode("U5"));
        // the very next values up are refused
        assertFormat("GGW"); // 16 + 16*45 + 32*2025 = 65536
        assertFormat("V5"); // 31 + 5*45 = 256
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
        "GGW", // a triple above 65535 (signed-qr.md §2.3)
        ":::", // the largest triple, 91124
        "GG", // final pair 736 > 255
        "::", // final pair 1979 > 255
        "A", // a dangling single character
        "BB8A", // a dangling character after a full group
        "bb8", // lower case is not in the alphabet
        "BB8 A", // a final pair " A" = 36 + 10*45 = 486 > 255
        "BB8 ", // trailing space makes a dangling character
        "BB8\n", // a keyboard wedge's newline must be stripped before Base45, not by it
        "BB\u00C88", // non-ASCII (È)
        "BB\uFF38", // full-width letter
        "B_8", // ASCII but outside the alphabet
        "B=8",
        "\u0000\u0000\u0000",
    })
    void refusesOutOfProfileText(String text) {
        assertFormat(text);
    }

    /** A space is a valid Base45 digit (36): it is refused only where it breaks a rule. */
    @Test
    void spaceIsADigitNotWhitespace() throws Rejection {
        // "%69 VD92EX0" already contains one; here a group made only of digits incl. space
        assertArrayEquals(new byte[] {0x00, 0x24}, Base45.decode(" 00"));
    }

    /** Every byte string of length 0..40 round-trips through the reference encoder and decode. */
    @Test
    void randomRoundTrips() throws Rejection {
        Random random = new Random(9285);
        for (int length = 0; length <= 40; length++) {
            for (int trial = 0; trial < 50; trial++) {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                assertArrayEquals(bytes, Base45.decode(encode(bytes)), "length " + length);
            }
        }
    }

    /** Exhaustive over all 2,025 pairs: exactly the 256 values 0..255 decode, the rest are refused. */
    @Test
    void everyPairExhaustively() {
        int accepted = 0;
        for (int a = 0; a < 45; a++) {
            for (int b = 0; b < 45; b++) {
                String pair = "" + ALPHABET.charAt(a) + ALPHABET.charAt(b);
                int value = a + 45 * b;
                try {
                    byte[] out = Base45.decode(pair);
                    assertEquals(1, out.length);
                    assertEquals(value, out[0] & 0xFF);
                    accepted++;
                } catch (Rejection e) {
                    assertEquals(Reason.FORMAT, e.reason());
                    org.junit.jupiter.api.Assertions.assertTrue(value > 255, pair);
                }
            }
        }
        assertEquals(256, accepted);
    }

    /** Exhaustive over all 91,125 triples: exactly 65,536 decode. */
    @Test
    void everyTripleExhaustively() {
        int accepted = 0;
        for (int a = 0; a < 45; a++) {
            for (int b = 0; b < 45; b++) {
                for (int c = 0; c < 45; c++) {
                    String triple = "" + ALPHABET.charAt(a) + ALPHABET.charAt(b) + ALPHABET.charAt(c);
                    int value = a + 45 * b + 2025 * c;
                    try {
                        byte[] out = Base45.decode(triple);
                        assertEquals(value, ((out[0] & 0xFF) << 8) | (out[1] & 0xFF));
                        accepted++;
                    } catch (Rejection e) {
                        assertEquals(Reason.FORMAT, e.reason());
                        org.junit.jupiter.api.Assertions.assertTrue(value > 0xFFFF, triple);
                    }
                }
            }
        }
        assertEquals(65_536, accepted);
    }

    private static void assertFormat(String text) {
        Rejection rejection = assertThrows(Rejection.class, () -> Base45.decode(text));
        assertEquals(Reason.FORMAT, rejection.reason());
    }

    /** RFC 9285 §4 encoder, written independently of the decoder under test. */
    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i + 1 < bytes.length; i += 2) {
            int n = (bytes[i] & 0xFF) * 256 + (bytes[i + 1] & 0xFF);
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45 % 45)).append(ALPHABET.charAt(n / 2025));
        }
        if (i < bytes.length) {
            int n = bytes[i] & 0xFF;
            out.append(ALPHABET.charAt(n % 45)).append(ALPHABET.charAt(n / 45));
        }
        return out.toString();
    }
}
