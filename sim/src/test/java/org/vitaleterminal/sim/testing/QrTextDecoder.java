package org.vitaleterminal.sim.testing;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Undoes "VT1:" + Base45(zlib(...)) for the tests, strictly (whole stream, nothing trailing). */
public final class QrTextDecoder {
    private QrTextDecoder() {
    }

    public static byte[] presentationBytes(String qrText) throws DataFormatException {
        if (!qrText.startsWith("VT1:")) {
            throw new IllegalArgumentException("no VT1: prefix");
        }
        return inflate(Base45Decoder.decode(qrText.substring(4)));
    }

    /** A zlib (RFC 1950) stream, which must end exactly at the end of the input. */
    public static byte[] inflate(byte[] zlib) throws DataFormatException {
        Inflater inflater = new Inflater(false);
        try {
            inflater.setInput(zlib);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[512];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && inflater.needsInput()) {
                    throw new DataFormatException("truncated zlib stream");
                }
                out.write(buffer, 0, n);
            }
            if (inflater.getRemaining() != 0) {
                throw new DataFormatException("bytes after the zlib stream");
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
