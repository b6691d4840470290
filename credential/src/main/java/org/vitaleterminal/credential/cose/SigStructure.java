package org.vitaleterminal.credential.cose;

import java.nio.charset.StandardCharsets;

/** Encodes the COSE {@code Sig_structure} for {@code Signature1} (RFC 9052 §4.4). */
public final class SigStructure {
    private static final byte[] CONTEXT = "Signature1".getBytes(StandardCharsets.US_ASCII);

    private SigStructure() {}

    public static byte[] signature1(byte[] bodyProtected, byte[] externalAad, byte[] payload) {
        int size = 1 + 1 + CONTEXT.length + headSize(bodyProtected.length) + bodyProtected.length
                + headSize(externalAad.length) + externalAad.length + headSize(payload.length) + payload.length;
        byte[] out = new byte[size];
        int p = 0;
        out[p++] = (byte) 0x84; // array(4)
        out[p++] = (byte) (0x60 | CONTEXT.length); // text(10)
        System.arraycopy(CONTEXT, 0, out, p, CONTEXT.length);
        p += CONTEXT.length;
        p = putByteString(out, p, bodyProtected);
        p = putByteString(out, p, externalAad);
        putByteString(out, p, payload);
        return out;
    }

    private static int headSize(int length) {
        if (length < 24) {
            return 1;
        } else if (length < 0x100) {
            return 2;
        } else if (length < 0x10000) {
            return 3;
        }
        return 5;
    }

    private static int putByteString(byte[] out, int p, byte[] value) {
        int length = value.length;
        if (length < 24) {
            out[p++] = (byte) (0x40 | length);
        } else if (length < 0x100) {
            out[p++] = 0x58;
            out[p++] = (byte) length;
        } else if (length < 0x10000) {
            out[p++] = 0x59;
            out[p++] = (byte) (length >>> 8);
            out[p++] = (byte) length;
        } else {
            out[p++] = 0x5A;
            out[p++] = (byte) (length >>> 24);
            out[p++] = (byte) (length >>> 16);
            out[p++] = (byte) (length >>> 8);
            out[p++] = (byte) length;
        }
        System.arraycopy(value, 0, out, p, length);
        return p + length;
    }
}
