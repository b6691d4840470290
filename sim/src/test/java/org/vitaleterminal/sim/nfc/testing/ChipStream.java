package org.vitaleterminal.sim.nfc.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits what the chip sent into frames, the strict way libnfc's UART driver reads them (one
 * preamble, checksums verified): test code of its own, so that the chip's encoder is not checked
 * against itself.
 */
public final class ChipStream {
    public sealed interface Frame {}

    public record Ack() implements Frame {}

    public record Error() implements Frame {}

    /** TFI D5 frame; {@code data} = response code and parameters. */
    public record Response(byte[] data, boolean extended) implements Frame {
        @Override
        public String toString() {
            return "Response[" + Hex.of(data) + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r && Arrays.equals(data, r.data) && extended == r.extended;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }
    }

    private ChipStream() {
    }

    public static List<Frame> parse(byte[] s) {
        List<Frame> frames = new ArrayList<>();
        int p = 0;
        while (p < s.length) {
            if (p + 6 > s.length || s[p] != 0 || s[p + 1] != 0 || (s[p + 2] & 0xFF) != 0xFF) {
                throw new AssertionError("no frame start at " + p + " in " + Hex.of(s));
            }
            int len = s[p + 3] & 0xFF;
            int lcs = s[p + 4] & 0xFF;
            if (len == 0 && lcs == 0xFF && s[p + 5] == 0) {
                frames.add(new Ack());
                p += 6;
                continue;
            }
            int body;
            boolean extended = len == 0xFF && lcs == 0xFF;
            if (extended) {
                len = (s[p + 5] & 0xFF) << 8 | (s[p + 6] & 0xFF);
                if (((s[p + 5] + s[p + 6] + s[p + 7]) & 0xFF) != 0) {
                    throw new AssertionError("bad extended LCS in " + Hex.of(s));
                }
                body = p + 8;
            } else {
                if (((len + lcs) & 0xFF) != 0) {
                    throw new AssertionError("bad LCS in " + Hex.of(s));
                }
                body = p + 5;
            }
            int sum = 0;
            for (int i = body; i <= body + len; i++) {
                sum += s[i] & 0xFF;
            }
            if ((sum & 0xFF) != 0) {
                throw new AssertionError("bad DCS in " + Hex.of(s));
            }
            if (s[body + len + 1] != 0) {
                throw new AssertionError("no postamble in " + Hex.of(s));
            }
            int tfi = s[body] & 0xFF;
            if (len == 1 && tfi == 0x7F) {
                frames.add(new Error());
            } else if (tfi == 0xD5) {
                frames.add(new Response(Arrays.copyOfRange(s, body + 1, body + len), extended));
            } else {
                throw new AssertionError("TFI " + tfi);
            }
            p = body + len + 2;
        }
        return frames;
    }

    /** A host command frame, built here independently of the sim's encoder. */
    public static byte[] command(int... data) {
        return command(Hex.bytes(data));
    }

    public static byte[] command(byte[] data) {
        int len = data.length + 1;
        boolean extended = len > 255;
        byte[] out = new byte[data.length + (extended ? 11 : 8)];
        int p = 0;
        out[p++] = 0;
        out[p++] = 0;
        out[p++] = (byte) 0xFF;
        if (extended) {
            out[p++] = (byte) 0xFF;
            out[p++] = (byte) 0xFF;
            out[p++] = (byte) (len >> 8);
            out[p++] = (byte) len;
            out[p++] = (byte) -((len >> 8) + (len & 0xFF));
        } else {
            out[p++] = (byte) len;
            out[p++] = (byte) -len;
        }
        out[p++] = (byte) 0xD4;
        int sum = 0xD4;
        for (byte b : data) {
            out[p++] = b;
            sum += b & 0xFF;
        }
        out[p++] = (byte) -sum;
        out[p] = 0;
        return out;
    }
}
