package org.vitaleterminal.sim.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 9052 §4.4 Sig_structure written byte by byte (array of 4, "Signature1", three byte
 * strings), not with the sim's encoder, to check the sim signs exactly these bytes.
 */
public final class HandSigStructure {
    private HandSigStructure() {
    }

    public static byte[] of(byte[] protectedBytes, byte[] externalAad, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x84); // array(4)
        out.write(0x6A); // text(10)
        out.writeBytes("Signature1".getBytes(StandardCharsets.US_ASCII));
        byteString(out, protectedBytes);
        byteString(out, externalAad);
        byteString(out, payload);
        return out.toByteArray();
    }

    public static byte[] of(byte[] protectedBytes, String externalAad, byte[] payload) {
        return of(protectedBytes, externalAad.getBytes(StandardCharsets.US_ASCII), payload);
    }

    private static void byteString(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes.length;
        if (n < 24) {
            out.write(0x40 | n);
        } else if (n < 0x100) {
            out.write(0x58);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x59);
            out.write(n >>> 8);
            out.write(n);
        } else {
            throw new IllegalArgumentException("not needed in these tests");
        }
        out.writeBytes(bytes);
    }
}
