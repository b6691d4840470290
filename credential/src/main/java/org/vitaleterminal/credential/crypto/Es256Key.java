package org.vitaleterminal.credential.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An ECDSA P-256 public key for ES256, verified with BouncyCastle's lightweight ECDSA (which
 * agrees with every Wycheproof P1363 vector, unlike the JDK's P1363 mode). The signature must be
 * exactly 64 bytes: r and s, 32 bytes each, big-endian; any other length is refused before it
 * reaches the verifier.
 */
public final class Es256Key implements VerificationKey {
    static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final int SIGNATURE_LENGTH = 64;

    private final ECPublicKeyParameters key;

    private Es256Key(ECPublicKeyParameters key) {
        this.key = key;
    }

    /** From affine coordinates (COSE EC2 key: 32-byte x and y). */
    static Es256Key fromCoordinates(byte[] x, byte[] y) {
        ECPoint point = DOMAIN.getCurve().validatePoint(new BigInteger(1, x), new BigInteger(1, y));
        return new Es256Key(new ECPublicKeyParameters(point, DOMAIN));
    }

    /** From an X9.62 point encoding (SubjectPublicKeyInfo). */
    static Es256Key fromEncodedPoint(byte[] encoded) {
        ECPoint point = DOMAIN.getCurve().decodePoint(encoded);
        return new Es256Key(new ECPublicKeyParameters(point, DOMAIN));
    }

    @Override
    public CoseAlgorithm algorithm() {
        return CoseAlgorithm.ES256;
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, key);
        return signer.verifySignature(Digests.sha256(message), r, s);
    }
}
