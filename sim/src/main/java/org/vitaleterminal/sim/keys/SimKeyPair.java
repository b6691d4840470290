package org.vitaleterminal.sim.keys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.vitaleterminal.sim.cbor.CborMapBuilder;

/**
 * A signing key of the simulated world: an issuer key, a trust root or a holder's device key.
 * ES256 (ECDSA P-256 with SHA-256) or EdDSA (Ed25519), the two VT1 algorithms.
 */
public abstract sealed class SimKeyPair permits P256KeyPair, Ed25519KeyPair {
    /** COSE algorithm identifiers (RFC 9053). */
    public static final int ES256 = -7;
    public static final int EDDSA = -8;

    /** A kid is the first 8 bytes of SHA-256 over the SPKI DER (spec §3). */
    public static final int KID_LENGTH = 8;

    private final byte[] spkiDer;
    private final byte[] kid;

    /** {@code spkiPrefix}: the fixed DER header of the algorithm's SPKI, up to the key bits. */
    SimKeyPair(byte[] spkiPrefix, byte[] publicKeyBits) {
        this.spkiDer = Arrays.copyOf(spkiPrefix, spkiPrefix.length + publicKeyBits.length);
        System.arraycopy(publicKeyBits, 0, spkiDer, spkiPrefix.length, publicKeyBits.length);
        this.kid = Arrays.copyOf(Sha256.digest(spkiDer), KID_LENGTH);
    }

    public static SimKeyPair p256(SecureRandom random) {
        return P256KeyPair.generate(random);
    }

    public static SimKeyPair ed25519(SecureRandom random) {
        return Ed25519KeyPair.generate(random);
    }

    /** The COSE alg: {@link #ES256} or {@link #EDDSA}. */
    public abstract int alg();

    /**
     * The COSE signature over {@code message}: for ES256, r ‖ s with each half left-padded to
     * 32 bytes (always 64 bytes); for Ed25519 the 64-byte signature.
     */
    public abstract byte[] sign(byte[] message);

    /** ES256 only: the same signature as an ASN.1 DER SEQUENCE, which COSE forbids. */
    public abstract byte[] signDer(byte[] message);

    /** The COSE_Key of the public key: EC2 {1:2, -1:1, -2:x, -3:y} or OKP {1:1, -1:6, -2:x}. A fresh map each call. */
    public abstract CborMapBuilder coseKey();

    /** The public key as DER SubjectPublicKeyInfo (RFC 5480 / RFC 8410). */
    public byte[] spkiDer() {
        return spkiDer.clone();
    }

    /** The public key as PEM "PUBLIC KEY", the format trust roots are distributed in. */
    public String spkiPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(spkiDer);
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    public byte[] kid() {
        return kid.clone();
    }

    @Override
    public String toString() {
        return (alg() == ES256 ? "ES256" : "EdDSA") + " key " + HexFormat.of().formatHex(kid);
    }
}
