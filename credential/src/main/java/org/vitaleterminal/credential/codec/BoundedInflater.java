package org.vitaleterminal.credential.codec;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;

/**
 * Inflates an RFC 1950 zlib stream with a hard cap on the output: a few kilobytes of input can
 * otherwise expand a thousandfold (a "zlib bomb"). The stream must be complete, its Adler-32
 * must match and nothing may follow it. Uncompressed input is refused rather than passed through,
 * as the HCERT test suite expects.
 */
public final class BoundedInflater {
    private BoundedInflater() {}

    /**
     * @param maxOutput the most bytes the stream may inflate to; one more is {@code TOO_LARGE}
     */
    public static byte[] inflate(byte[] zlib, int maxOutput) throws Rejection {
        checkHeader(zlib);
        Inflater inflater = new Inflater(false);
        try {
            inflater.setInput(zlib);
            // One byte of headroom tells "exactly at the cap" from "over the cap".
            byte[] out = new byte[Math.min(maxOutput + 1, Math.max(64, zlib.length * 4))];
            int produced = 0;
            while (!inflater.finished()) {
                if (produced == out.length) {
                    if (out.length > maxOutput) {
                        throw new Rejection(Reason.TOO_LARGE, "zlib: inflated size above the limit");
                    }
                    out = java.util.Arrays.copyOf(out, Math.min(maxOutput + 1, out.length * 2));
                }
                int n = inflater.inflate(out, produced, out.length - produced);
                produced += n;
                if (n == 0 && !inflater.finished()) {
                    if (inflater.needsDictionary()) {
                        throw new Rejection(Reason.FORMAT, "zlib: preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw new Rejection(Reason.FORMAT, "zlib: truncated stream");
                    }
                }
            }
            if (produced > maxOutput) {
                throw new Rejection(Reason.TOO_LARGE, "zlib: inflated size above the limit");
            }
            if (inflater.getRemaining() != 0) {
                throw new Rejection(Reason.FORMAT, "zlib: bytes after the end of the stream");
            }
            return java.util.Arrays.copyOf(out, produced);
        } catch (DataFormatException e) {
            throw new Rejection(Reason.FORMAT, "zlib: corrupt stream");
        } finally {
            inflater.end();
        }
    }

    private static void checkHeader(byte[] zlib) throws Rejection {
        if (zlib.length < 2 + 2 + 4) { // header, shortest deflate block, Adler-32
            throw new Rejection(Reason.FORMAT, "zlib: too short");
        }
        int cmf = zlib[0] & 0xFF;
        int flg = zlib[1] & 0xFF;
        if ((cmf & 0x0F) != 8 || (cmf >>> 4) > 7) {
            throw new Rejection(Reason.FORMAT, "zlib: not a deflate stream");
        }
        if ((cmf * 256 + flg) % 31 != 0) {
            throw new Rejection(Reason.FORMAT, "zlib: header check failed");
        }
        if ((flg & 0x20) != 0) {
            throw new Rejection(Reason.FORMAT, "zlib: preset dictionary");
        }
    }
}
