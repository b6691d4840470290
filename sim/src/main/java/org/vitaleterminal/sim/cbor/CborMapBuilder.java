package org.vitaleterminal.sim.cbor;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A definite-length map (major type 5) that stays editable, so that a test can take the claims
 * the issuer would sign, change one thing and sign that.
 *
 * <p>Entries keep insertion order (VT1 does not ask for a canonical key order). {@code put}
 * replaces the value of an existing key in place; {@link #putDuplicate} appends a second entry
 * with the same key, which VT1 forbids and a decoder must refuse. Two keys are the same when
 * their encodings are the same bytes.
 *
 * <p>A map put inside another container is held by reference: editing it later edits the
 * container. Use {@link #copy()} (deep) to derive variants from a shared base.
 */
public final class CborMapBuilder implements CborValue {

    /** One key/value pair, in insertion order. */
    public record Entry(CborValue key, CborValue value) {
    }

    private final List<Entry> entries = new ArrayList<>();

    CborMapBuilder() {
    }

    public CborMapBuilder put(long key, CborValue value) {
        return put(Cbor.integer(key), value);
    }

    public CborMapBuilder put(String key, CborValue value) {
        return put(Cbor.text(key), value);
    }

    public CborMapBuilder put(CborValue key, CborValue value) {
        java.util.Objects.requireNonNull(value, "value");
        int index = indexOf(key);
        if (index >= 0) {
            entries.set(index, new Entry(entries.get(index).key(), value));
        } else {
            entries.add(new Entry(key, value));
        }
        return this;
    }

    /** Appends an entry even when the key is already present (for duplicate-key tests). */
    public CborMapBuilder putDuplicate(long key, CborValue value) {
        return putDuplicate(Cbor.integer(key), value);
    }

    public CborMapBuilder putDuplicate(String key, CborValue value) {
        return putDuplicate(Cbor.text(key), value);
    }

    public CborMapBuilder putDuplicate(CborValue key, CborValue value) {
        entries.add(new Entry(java.util.Objects.requireNonNull(key, "key"),
                java.util.Objects.requireNonNull(value, "value")));
        return this;
    }

    /** Removes every entry with this key. */
    public CborMapBuilder remove(long key) {
        return remove(Cbor.integer(key));
    }

    public CborMapBuilder remove(String key) {
        return remove(Cbor.text(key));
    }

    public CborMapBuilder remove(CborValue key) {
        byte[] wanted = key.encode();
        entries.removeIf(entry -> Arrays.equals(entry.key().encode(), wanted));
        return this;
    }

    /** The value of the first entry with this key, or {@code null}. */
    public CborValue get(long key) {
        return get(Cbor.integer(key));
    }

    public CborValue get(String key) {
        return get(Cbor.text(key));
    }

    public CborValue get(CborValue key) {
        int index = indexOf(key);
        return index < 0 ? null : entries.get(index).value();
    }

    public boolean containsKey(long key) {
        return containsKey(Cbor.integer(key));
    }

    public boolean containsKey(CborValue key) {
        return indexOf(key) >= 0;
    }

    /**
     * The map stored under {@code key}, live: editing it edits this map. Fails when the key is
     * absent or holds something else, which in a test means the test is wrong.
     */
    public CborMapBuilder mapAt(long key) {
        CborValue value = get(key);
        if (value instanceof CborMapBuilder map) {
            return map;
        }
        throw new IllegalStateException("key " + key + " holds " + value + ", not a map");
    }

    public int size() {
        return entries.size();
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** A deep copy: nested maps are copied too, so the copy can be edited on its own. */
    public CborMapBuilder copy() {
        CborMapBuilder copy = new CborMapBuilder();
        for (Entry entry : entries) {
            copy.entries.add(new Entry(Cbor.copyOf(entry.key()), Cbor.copyOf(entry.value())));
        }
        return copy;
    }

    @Override
    public void encodeTo(ByteArrayOutputStream out) {
        CborHead.write(out, CborHead.MAP, entries.size());
        for (Entry entry : entries) {
            entry.key().encodeTo(out);
            entry.value().encodeTo(out);
        }
    }

    @Override
    public String toString() {
        return entries.stream().map(entry -> entry.key() + ": " + entry.value())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private int indexOf(CborValue key) {
        byte[] wanted = key.encode();
        for (int i = 0; i < entries.size(); i++) {
            if (Arrays.equals(entries.get(i).key().encode(), wanted)) {
                return i;
            }
        }
        return -1;
    }
}
