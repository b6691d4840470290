package org.vitaleterminal.credential.cbor;

/** CBOR {@code true} or {@code false}. */
public record CborBoolean(boolean value) implements CborItem {
    @Override
    public String typeName() {
        return "boolean";
    }
}
