package org.vitaleterminal.credential.crypto;

import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;

/**
 * An RSA public key of at least 2048 bits for PS256: RSASSA-PSS with SHA-256, MGF1 with SHA-256
 * and a 32-byte salt (RFC 8230). The signature must be exactly as long as the modulus.
 */
public final class Ps256Key implements VerificationKey {
    static final int MIN_MODULUS_BITS = 2048;
    private static final int SALT_LENGTH = 32;

    private final RSAKeyParameters key;
    private final int signatureLength;

    private Ps256Key(RSAKeyParameters key) {
        this.key = key;
        this.signatureLength = (key.getModulus().bitLength() + 7) / 8;
    }

    static Ps256Key fromModulusAndExponent(BigInteger modulus, BigInteger exponent) {
        if (modulus.bitLength() < MIN_MODULUS_BITS) {
            throw new IllegalArgumentException("RSA modulus shorter than 2048 bits");
        }
        if (!modulus.testBit(0) || !exponent.testBit(0) || exponent.compareTo(BigInteger.ONE) <= 0
                || exponent.compareTo(modulus) >= 0) {
            throw new IllegalArgumentException("RSA key is not well formed");
        }
        return new Ps256Key(new RSAKeyParameters(false, modulus, exponent));
    }

    public int modulusBits() {
        return key.getModulus().bitLength();
    }

    @Override
    public CoseAlgorithm algorithm() {
        return CoseAlgorithm.PS256;
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != signatureLength) {
            return false;
        }
        PSSSigner signer = new PSSSigner(new RSAEngine(), new SHA256Digest(), new SHA256Digest(), SALT_LENGTH,
                PSSSigner.TRAILER_IMPLICIT);
        signer.init(false, key);
        signer.update(message, 0, message.length);
        try {
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            // BouncyCastle signals some malformed inputs (e.g. a value >= modulus) by throwing.
            return false;
        }
    }
}
