package org.vitaleterminal.sim.nfc.frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds host frames in a byte stream that may hold noise: the HSU wake-up {@code 55 55 00 ...},
 * extra preamble zeros, postambles, garbage. It hunts for the start code {@code 00 FF}, so any
 * number of preamble bytes (including none) is accepted, as the manual allows (UM §6.2.1.6).
 *
 * <p>A frame whose LCS or DCS is wrong, whose TFI is not D4, or that is longer than the firmware's
 * 265 bytes is reported as {@link HostFrame.Rejected} and the hunt resumes right after its start
 * code, so a real frame hidden in the rejected bytes is still found. Bytes are kept across calls:
 * a frame may arrive in any number of pieces.
 */
public final class HostFrameParser {
    private byte[] buffer = new byte[0];

    /** Appends bytes and returns every frame they complete, in order. */
    public List<HostFrame> feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    public List<HostFrame> feed(byte[] bytes, int offset, int length) {
        byte[] joined = Arrays.copyOf(buffer, buffer.length + length);
        System.arraycopy(bytes, offset, joined, buffer.length, length);
        buffer = joined;
        List<HostFrame> frames = new ArrayList<>();
        int pos = 0;
        while (true) {
            int start = findStartCode(pos);
            if (start < 0) {
                // Keep a trailing 00: it may be the first half of a start code split across reads.
                pos = buffer.length > 0 && buffer[buffer.length - 1] == 0 ? buffer.length - 1 : buffer.length;
                break;
            }
            Attempt attempt = parseAt(start + 2);
            if (attempt == null) {
                pos = start;
                break;
            }
            frames.add(attempt.frame);
            pos = attempt.frame instanceof HostFrame.Rejected ? start + 2 : attempt.end;
        }
        buffer = Arrays.copyOfRange(buffer, pos, buffer.length);
        return frames;
    }

    /** Forgets any partial frame (the chip went to sleep, or its parser was reset). */
    public void reset() {
        buffer = new byte[0];
    }

    /** Bytes held while waiting for the rest of a frame. */
    public int pending() {
        return buffer.length;
    }

    private int findStartCode(int from) {
        for (int i = from; i + 1 < buffer.length; i++) {
            if (buffer[i] == 0x00 && buffer[i + 1] == (byte) 0xFF) {
                return i;
            }
        }
        return -1;
    }

    private record Attempt(HostFrame frame, int end) {}

    /** Parses from just after {@code 00 FF}; null when more bytes are needed. */
    private Attempt parseAt(int p) {
        if (p + 2 > buffer.length) {
            return null;
        }
        int len = u(p);
        int lcs = u(p + 1);
        if (len == 0x00 && lcs == 0xFF) {
            return new Attempt(new HostFrame.Ack(), p + 2);
        }
        if (len == 0xFF && lcs == 0x00) {
            return new Attempt(new HostFrame.Nack(), p + 2);
        }
        int body;
        boolean extended = len == 0xFF && lcs == 0xFF;
        if (extended) {
            if (p + 5 > buffer.length) {
                return null;
            }
            int lenm = u(p + 2);
            int lenl = u(p + 3);
            if (((lenm + lenl + u(p + 4)) & 0xFF) != 0) {
                return new Attempt(new HostFrame.Rejected("extended frame: bad LCS"), p + 5);
            }
            len = lenm << 8 | lenl;
            body = p + 5;
        } else {
            if (((len + lcs) & 0xFF) != 0) {
                return new Attempt(new HostFrame.Rejected("bad LCS"), p + 2);
            }
            body = p + 2;
        }
        if (len == 0) {
            return new Attempt(new HostFrame.Rejected("extended frame of length 0"), body);
        }
        if (len > Pn532Frames.MAX_FRAME_LENGTH) {
            return new Attempt(new HostFrame.Rejected("frame of " + len + " bytes exceeds the firmware's 265"), body);
        }
        if (body + len + 1 > buffer.length) {
            return null;
        }
        int sum = 0;
        for (int i = body; i <= body + len; i++) {
            sum += u(i);
        }
        if ((sum & 0xFF) != 0) {
            return new Attempt(new HostFrame.Rejected("bad DCS"), body + len + 1);
        }
        if (u(body) != Pn532Frames.TFI_HOST) {
            return new Attempt(new HostFrame.Rejected(String.format("TFI %02X is not D4", u(body))), body + len + 1);
        }
        byte[] data = Arrays.copyOfRange(buffer, body + 1, body + len);
        // The postamble is not required: whatever follows is noise to the next hunt.
        return new Attempt(new HostFrame.Command(data, extended), body + len + 1);
    }

    private int u(int i) {
        return buffer[i] & 0xFF;
    }
}
