package org.vitaleterminal.sim.cbor;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A definite-length array (major type 4). The list itself cannot change; a map inside it is a
 * (mutable) {@link CborMapBuilder}, so that a test can reach into a structure and tweak it.
 */
public final class CborArray implements CborValue {
    private final List<CborValue> items;

    CborArray(List<? extends CborValue> items) {
        this.items = List.copyOf(items);
    }

    public List<CborValue> items() {
        return items;
    }

    public CborValue get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    @Override
    public void encodeTo(ByteArrayOutputStream out) {
        CborHead.write(out, CborHead.ARRAY, items.size());
        for (CborValue item : items) {
            item.encodeTo(out);
        }
    }

    @Override
    public String toString() {
        return items.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
