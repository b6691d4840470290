package org.vitaleterminal.sim.codec;

/**
 * Base45 (RFC 9285): each pair of bytes becomes three characters, a trailing single byte two
 * characters, from an alphabet that fits the QR code alphanumeric mode.
 */
public final class Base45Encoder {
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".toCharArray();
    private static final int BASE = 45;

    private Base45Encoder() {
    }

    public static String encode(byte[] data) {
        StringBuilder text = new StringBuilder((data.length + 1) / 2 * 3);
        int i = 0;
        for (; i + 1 < data.length; i += 2) {
            int n = ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
            // Least significant digit first: n = c + d*45 + e*45*45 is written "c d e".
            text.append(ALPHABET[n % BASE]).append(ALPHABET[n / BASE % BASE]).append(ALPHABET[n / (BASE * BASE)]);
        }
        if (i < data.length) {
            int n = data[i] & 0xFF;
            text.append(ALPHABET[n % BASE]).append(ALPHABET[n / BASE]);
        }
        return text.toString();
    }
}
