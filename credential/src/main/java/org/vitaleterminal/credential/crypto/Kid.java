package org.vitaleterminal.credential.crypto;

import java.util.HexFormat;

/**
 * An 8-byte key identifier, held as a {@code long} so that trust-list lookups are a plain hash
 * lookup without array wrappers.
 */
public record Kid(long value) {
    public static final int LENGTH = 8;

    public static Kid of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a kid is 8 bytes");
        }
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xFF);
        }
        return new Kid(value);
    }

    /** The project's (and HCERT's) derivation: the first 8 bytes of SHA-256 over DER bytes. */
    public static Kid derivedFrom(byte[] der) {
        byte[] digest = Digests.sha256(der);
        return of(java.util.Arrays.copyOf(digest, LENGTH));
    }

    public byte[] bytes() {
        byte[] out = new byte[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            out[i] = (byte) (value >>> (8 * (LENGTH - 1 - i)));
        }
        return out;
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes());
    }

    @Override
    public String toString() {
        return hex();
    }
}
