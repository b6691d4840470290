package org.vitaleterminal.sim.codec;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * A zlib stream (RFC 1950: header, DEFLATE data, Adler-32) through the JDK's {@link Deflater}.
 * The best compression level by default, since every byte saved makes the QR code smaller.
 */
public final class Zlib {
    private Zlib() {
    }

    public static byte[] compress(byte[] data) {
        return compress(data, Deflater.BEST_COMPRESSION);
    }

    public static byte[] compress(byte[] data, int level) {
        Deflater deflater = new Deflater(level, false); // false: keep the zlib header and checksum
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16);
            byte[] buffer = new byte[512];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
