package org.vitaleterminal.credential.cbor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A CBOR map whose keys are integers or text, each key at most once (the decoder refuses
 * duplicates). Keys keep their wire order.
 */
public final class CborMap implements CborItem {
    private final Map<CborItem, CborItem> entries;

    CborMap(LinkedHashMap<CborItem, CborItem> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    private static final CborMap EMPTY = new CborMap(new LinkedHashMap<>());

    public static CborMap empty() {
        return EMPTY;
    }

    public int size() {
        return entries.size();
    }

    public Map<CborItem, CborItem> entries() {
        return entries;
    }

    public Set<CborItem> keys() {
        return entries.keySet();
    }

    /** The value under an integer key, or {@code null}. */
    public CborItem get(long key) {
        return entries.get(new CborInteger(key));
    }

    /** The value under a text key, or {@code null}. */
    public CborItem get(String key) {
        return entries.get(new CborText(key));
    }

    public boolean containsKey(long key) {
        return entries.containsKey(new CborInteger(key));
    }

    @Override
    public String typeName() {
        return "map";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CborMap other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "CborMap[" + entries.size() + " entries]";
    }
}
