package org.vitaleterminal.sim.cbor;

import java.io.ByteArrayOutputStream;

/** The simple values of major type 7 that have a name (RFC 8949 §3.3). */
public enum CborSimple implements CborValue {
    FALSE(20, "false"),
    TRUE(21, "true"),
    NULL(22, "null"),
    UNDEFINED(23, "undefined");

    private final int code;
    private final String diagnostic;

    CborSimple(int code, String diagnostic) {
        this.code = code;
        this.diagnostic = diagnostic;
    }

    @Override
    public void encodeTo(ByteArrayOutputStream out) {
        CborHead.write(out, CborHead.SIMPLE_OR_FLOAT, code);
    }

    @Override
    public String toString() {
        return diagnostic;
    }
}
