package org.vitaleterminal.credential.crypto;

/**
 * A public key bound to the one algorithm it may be used with. Binding the algorithm to the key
 * (not to the message header) is what stops algorithm-confusion attacks.
 */
public sealed interface VerificationKey permits Es256Key, Ed25519Key, Ps256Key {

    CoseAlgorithm algorithm();

    /**
     * Checks {@code signature} over {@code message}. Any malformed signature (wrong length,
     * out-of-range values, non-canonical encodings) is simply {@code false}; this never throws.
     */
    boolean verify(byte[] message, byte[] signature);
}
