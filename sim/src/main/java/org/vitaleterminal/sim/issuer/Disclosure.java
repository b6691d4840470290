package org.vitaleterminal.sim.issuer;

import java.security.SecureRandom;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborValue;
import org.vitaleterminal.sim.data.BeneficiarySpec;
import org.vitaleterminal.sim.keys.Sha256;

/**
 * One beneficiary, salted, as the wallet discloses it: the encoding of
 * {@code [salt (16 bytes), beneficiary]}. The credential carries SHA-256 of exactly these bytes;
 * the random salt keeps undisclosed beneficiaries from being guessed from their digests.
 */
public final class Disclosure {
    public static final int SALT_LENGTH = 16;

    private final byte[] bytes;

    private Disclosure(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static Disclosure create(SecureRandom random, BeneficiarySpec beneficiary) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return create(salt, beneficiary.toCbor());
    }

    /** With a given salt and any beneficiary item (e.g. a tampered map). */
    public static Disclosure create(byte[] salt, CborValue beneficiary) {
        return new Disclosure(Cbor.array(Cbor.bytes(salt), beneficiary).encode());
    }

    /** Arbitrary bytes (e.g. not CBOR at all), disclosed as they are. */
    public static Disclosure ofBytes(byte[] bytes) {
        return new Disclosure(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** SHA-256 over the bytes, as listed in the credential. */
    public byte[] digest() {
        return Sha256.digest(bytes);
    }
}
