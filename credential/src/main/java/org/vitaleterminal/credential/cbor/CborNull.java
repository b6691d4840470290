package org.vitaleterminal.credential.cbor;

/** CBOR {@code null}. */
public record CborNull() implements CborItem {
    @Override
    public String typeName() {
        return "null";
    }
}
