package org.vitaleterminal.credential.cbor;

/** A CBOR integer (major types 0 and 1) that fits a signed 64-bit value. */
public record CborInteger(long value) implements CborItem {
    @Override
    public String typeName() {
        return "integer";
    }
}
