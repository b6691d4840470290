package org.vitaleterminal.credential.cbor;

/** A CBOR text string (valid UTF-8). */
public record CborText(String value) implements CborItem {
    @Override
    public String typeName() {
        return "text";
    }

    /** Text items may hold names: never print them. */
    @Override
    public String toString() {
        return "CborText[" + value.length() + " chars]";
    }
}
