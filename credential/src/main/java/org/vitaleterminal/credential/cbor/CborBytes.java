package org.vitaleterminal.credential.cbor;

import java.util.Arrays;

/** A CBOR byte string. The array is owned by the item: callers get copies. */
public final class CborBytes implements CborItem {
    private final byte[] value;

    CborBytes(byte[] value) {
        this.value = value;
    }

    public static CborBytes of(byte[] value) {
        return new CborBytes(value.clone());
    }

    /** A copy of the bytes. */
    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    /** Read-only access without a copy, for hashing and signature checks on the hot path. */
    public void copyTo(byte[] destination, int offset) {
        System.arraycopy(value, 0, destination, offset, value.length);
    }

    @Override
    public String typeName() {
        return "bytes";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CborBytes other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "CborBytes[" + value.length + " bytes]";
    }
}
