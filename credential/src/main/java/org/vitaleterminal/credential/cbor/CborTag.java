package org.vitaleterminal.credential.cbor;

/** A tagged CBOR item (major type 6). */
public record CborTag(long tag, CborItem content) implements CborItem {
    @Override
    public String typeName() {
        return "tag";
    }
}
