package org.vitaleterminal.hal.camera.replay;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.vitaleterminal.hal.camera.LumaImage;

/**
 * Reads binary PGM ({@code P5}) pictures, the simplest way to store an exact grey frame (e.g. one
 * dumped from a camera): a text header {@code P5 WIDTH HEIGHT MAXVAL} ({@code #} comments
 * allowed) and one whitespace, then one byte per pixel (two, big-endian, when MAXVAL &gt; 255).
 * Levels are scaled to 0..255.
 */
final class PgmReader {
    private static final int MAX_DIGITS = 9;

    private PgmReader() {}

    /**
     * @param name      for messages (the file name)
     * @param maxPixels the largest picture accepted
     * @throws IOException naming the file and what is wrong with it
     */
    static LumaImage read(InputStream input, String name, long maxPixels) throws IOException {
        InputStream in = new BufferedInputStream(input);
        if (in.read() != 'P' || in.read() != '5') {
            throw new IOException(name + ": not a binary PGM (P5) image");
        }
        int width = number(in, name, "width");
        int height = number(in, name, "height");
        int maxval = number(in, name, "maximum grey value");
        if (width < 1 || height < 1 || (long) width * height > maxPixels) {
            throw new IOException(name + ": PGM size " + width + "x" + height + " is outside 1 to " + maxPixels
                    + " pixels");
        }
        if (maxval < 1 || maxval > 65535) {
            throw new IOException(name + ": PGM maximum grey value " + maxval + " is outside 1..65535");
        }
        int bytesPerSample = maxval > 255 ? 2 : 1;
        byte[] raw = new byte[width * height * bytesPerSample];
        int n = in.readNBytes(raw, 0, raw.length);
        if (n < raw.length) {
            throw new IOException(name + ": PGM pixel data truncated (" + n + " of " + raw.length + " bytes)");
        }
        byte[] pixels = new byte[width * height];
        for (int i = 0; i < pixels.length; i++) {
            int v = bytesPerSample == 1 ? raw[i] & 0xFF : ((raw[2 * i] & 0xFF) << 8) | (raw[2 * i + 1] & 0xFF);
            if (v > maxval) {
                throw new IOException(name + ": PGM pixel " + i + " is " + v + ", above the maximum " + maxval);
            }
            pixels[i] = (byte) (maxval == 255 ? v : (v * 255 + maxval / 2) / maxval);
        }
        return new LumaImage(width, height, pixels);
    }

    /** Skips whitespace and comments, reads decimal digits, and consumes the one whitespace after them. */
    private static int number(InputStream in, String name, String what) throws IOException {
        int c = in.read();
        while (c == '#' || Character.isWhitespace(c)) {
            if (c == '#') {
                while (c != '\n' && c != '\r' && c != -1) {
                    c = in.read();
                }
            }
            c = in.read();
        }
        long value = 0;
        int digits = 0;
        while (c >= '0' && c <= '9') {
            if (++digits > MAX_DIGITS) {
                throw new IOException(name + ": PGM " + what + " is too long a number");
            }
            value = value * 10 + (c - '0');
            c = in.read();
        }
        if (digits == 0 || !(Character.isWhitespace(c))) {
            throw new IOException(name + ": PGM header has no valid " + what);
        }
        return (int) value;
    }
}
