package org.vitaleterminal.sim.cbor;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Bytes that are already CBOR (or deliberately are not), written verbatim where an item is
 * expected: for an exact byte sequence a test wants to check, or for garbage.
 */
public final class CborRaw implements CborValue {
    private final byte[] encoded;

    CborRaw(byte[] encoded) {
        this.encoded = encoded.clone();
    }

    @Override
    public void encodeTo(ByteArrayOutputStream out) {
        out.writeBytes(encoded);
    }

    @Override
    public String toString() {
        return "<raw " + HexFormat.of().formatHex(encoded) + ">";
    }
}
