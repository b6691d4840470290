package org.vitaleterminal.credential.trust;

import java.util.HashSet;
import java.util.Set;

/**
 * The revoked credential ids (16-byte cti values) of a trust list, with constant-time lookup.
 * Each id is held as two longs rather than an array so that 100,000 entries stay compact and
 * hash without copying.
 */
public final class RevocationList {
    private record CredentialId(long high, long low) {
        static CredentialId of(byte[] cti) {
            return new CredentialId(readLong(cti, 0), readLong(cti, 8));
        }
    }

    private final Set<CredentialId> revoked;

    private RevocationList(Set<CredentialId> revoked) {
        this.revoked = revoked;
    }

    public boolean contains(byte[] cti) {
        return cti.length == 16 && revoked.contains(CredentialId.of(cti));
    }

    public int size() {
        return revoked.size();
    }

    /** Collects ids while a trust list is read. */
    static final class Builder {
        private final Set<CredentialId> ids;

        Builder(int expected) {
            ids = new HashSet<>(Math.max(16, (int) (expected / 0.75f) + 1));
        }

        void add(byte[] cti) {
            ids.add(CredentialId.of(cti));
        }

        RevocationList build() {
            return new RevocationList(Set.copyOf(ids));
        }
    }

    private static long readLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }
}
