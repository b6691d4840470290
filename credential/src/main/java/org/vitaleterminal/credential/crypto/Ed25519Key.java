package org.vitaleterminal.credential.crypto;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An Ed25519 public key for COSE EdDSA; the signature must be exactly 64 bytes. */
public final class Ed25519Key implements VerificationKey {
    private static final int KEY_LENGTH = 32;
    private static final int SIGNATURE_LENGTH = 64;

    private final Ed25519PublicKeyParameters key;

    private Ed25519Key(Ed25519PublicKeyParameters key) {
        this.key = key;
    }

    static Ed25519Key fromRaw(byte[] raw) {
        if (raw.length != KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes");
        }
        return new Ed25519Key(new Ed25519PublicKeyParameters(raw, 0));
    }

    @Override
    public CoseAlgorithm algorithm() {
        return CoseAlgorithm.EDDSA;
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(false, key);
        signer.update(message, 0, message.length);
        return signer.verifySignature(signature);
    }
}
