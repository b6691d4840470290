package org.vitaleterminal.credential.cbor;

import java.util.List;

/** A CBOR array of definite length. */
public record CborArray(List<CborItem> items) implements CborItem {
    public CborArray {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    public CborItem get(int index) {
        return items.get(index);
    }

    @Override
    public String typeName() {
        return "array";
    }
}
