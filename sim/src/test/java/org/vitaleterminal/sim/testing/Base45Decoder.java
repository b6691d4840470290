package org.vitaleterminal.sim.testing;

import java.io.ByteArrayOutputStream;

/** RFC 9285 decoding, written for the tests only (the sim module never decodes). */
public final class Base45Decoder {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private Base45Decoder() {
    }

    public static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        for (; text.length() - i >= 3; i += 3) {
            int n = value(text.charAt(i)) + 45 * value(text.charAt(i + 1)) + 45 * 45 * value(text.charAt(i + 2));
            if (n > 0xFFFF) {
                throw new IllegalArgumentException("triple above 65535");
            }
            out.write(n >>> 8);
            out.write(n & 0xFF);
        }
        int rest = text.length() - i;
        if (rest == 2) {
            int n = value(text.charAt(i)) + 45 * value(text.charAt(i + 1));
            if (n > 0xFF) {
                throw new IllegalArgumentException("pair above 255");
            }
            out.write(n);
        } else if (rest != 0) {
            throw new IllegalArgumentException("dangling character");
        }
        return out.toByteArray();
    }

    private static int value(char c) {
        int v = ALPHABET.indexOf(c);
        if (v < 0) {
            throw new IllegalArgumentException("not Base45: " + c);
        }
        return v;
    }
}
