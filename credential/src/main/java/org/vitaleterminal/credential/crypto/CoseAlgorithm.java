package org.vitaleterminal.credential.crypto;

import java.util.Optional;

/** The COSE signature algorithms this project verifies (IANA COSE registry values). */
public enum CoseAlgorithm {
    /** ECDSA on P-256 with SHA-256, signature r‖s of 64 bytes. */
    ES256(-7),
    /** Ed25519 (COSE "EdDSA"), signature of 64 bytes. */
    EDDSA(-8),
    /** RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (RFC 8230); HC1 only. */
    PS256(-37);

    private final int coseValue;

    CoseAlgorithm(int coseValue) {
        this.coseValue = coseValue;
    }

    public int coseValue() {
        return coseValue;
    }

    public static Optional<CoseAlgorithm> fromCose(long value) {
        for (CoseAlgorithm algorithm : values()) {
            if (algorithm.coseValue == value) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
