package org.vitaleterminal.sim.cbor;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** A definite-length byte string (major type 2). Holds its own copy of the bytes. */
public final class CborBytes implements CborValue {
    private final byte[] bytes;

    CborBytes(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public void encodeTo(ByteArrayOutputStream out) {
        CborHead.write(out, CborHead.BYTES, bytes.length);
        out.writeBytes(bytes);
    }

    @Override
    public String toString() {
        return "h'" + HexFormat.of().formatHex(bytes) + "'";
    }
}
