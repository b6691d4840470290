package org.vitaleterminal.credential.codec;

import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;

/**
 * Strict RFC 9285 Base45 decoding: only the 45-character alphabet, every three-character group
 * at most 65535, every two-character tail at most 255, and no dangling single character.
 * Lenient decoders that skip spaces or accept lower case let two different QR texts carry the
 * same bytes, which breaks debouncing and makes fuzzing harder to reason about.
 */
public final class Base45 {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final byte[] VALUE = new byte[128];

    static {
        java.util.Arrays.fill(VALUE, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUE[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private Base45() {}

    /** Decodes {@code text[from, text.length())}. */
    public static byte[] decode(CharSequence text, int from) throws Rejection {
        int length = text.length() - from;
        if (length < 0) {
            throw new IllegalArgumentException("from beyond the end");
        }
        if (length % 3 == 1) {
            throw new Rejection(Reason.FORMAT, "base45: dangling single character");
        }
        byte[] out = new byte[length / 3 * 2 + (length % 3 == 2 ? 1 : 0)];
        int o = 0;
        int i = from;
        int end = text.length();
        while (end - i >= 3) {
            int value = digit(text.charAt(i)) + 45 * digit(text.charAt(i + 1))
                    + 45 * 45 * digit(text.charAt(i + 2));
            if (value > 0xFFFF) {
                throw new Rejection(Reason.FORMAT, "base45: group above 65535");
            }
            out[o++] = (byte) (value >>> 8);
            out[o++] = (byte) value;
            i += 3;
        }
        if (end - i == 2) {
            int value = digit(text.charAt(i)) + 45 * digit(text.charAt(i + 1));
            if (value > 0xFF) {
                throw new Rejection(Reason.FORMAT, "base45: final pair above 255");
            }
            out[o] = (byte) value;
        }
        return out;
    }

    public static byte[] decode(CharSequence text) throws Rejection {
        return decode(text, 0);
    }

    private static int digit(char c) throws Rejection {
        int v = c < 128 ? VALUE[c] : -1;
        if (v < 0) {
            throw new Rejection(Reason.FORMAT, "base45: character outside the alphabet");
        }
        return v;
    }
}
