package org.vitaleterminal.sim.keys;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;

/** ECDSA P-256 / SHA-256 (COSE ES256) through BouncyCastle's lightweight API. */
final class P256KeyPair extends SimKeyPair {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);
    private static final int COORDINATE_LENGTH = 32;

    /**
     * DER of SEQUENCE { SEQUENCE { id-ecPublicKey, prime256v1 }, BIT STRING (65 bytes) } up to
     * the uncompressed point, which follows as 04 ‖ x ‖ y (RFC 5480).
     */
    private static final byte[] SPKI_PREFIX =
            HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    private final ECPrivateKeyParameters privateKey;
    private final byte[] x;
    private final byte[] y;

    private P256KeyPair(ECPrivateKeyParameters privateKey, ECPoint normalized) {
        super(SPKI_PREFIX, normalized.getEncoded(false));
        this.privateKey = privateKey;
        this.x = normalized.getAffineXCoord().getEncoded();
        this.y = normalized.getAffineYCoord().getEncoded();
    }

    static P256KeyPair generate(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        ECPublicKeyParameters publicKey = (ECPublicKeyParameters) pair.getPublic();
        return new P256KeyPair((ECPrivateKeyParameters) pair.getPrivate(), publicKey.getQ().normalize());
    }

    @Override
    public int alg() {
        return ES256;
    }

    @Override
    public byte[] sign(byte[] message) {
        BigInteger[] rs = signature(message);
        byte[] out = new byte[2 * COORDINATE_LENGTH];
        // asUnsignedByteArray(length, n) left-pads with zeros: a short r or s still fills 32 bytes.
        System.arraycopy(BigIntegers.asUnsignedByteArray(COORDINATE_LENGTH, rs[0]), 0, out, 0, COORDINATE_LENGTH);
        System.arraycopy(BigIntegers.asUnsignedByteArray(COORDINATE_LENGTH, rs[1]), 0, out, COORDINATE_LENGTH, COORDINATE_LENGTH);
        return out;
    }

    @Override
    public byte[] signDer(byte[] message) {
        BigInteger[] rs = signature(message);
        try {
            return StandardDSAEncoding.INSTANCE.encode(DOMAIN.getN(), rs[0], rs[1]);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("DER encoding of an ECDSA signature failed", e);
        }
    }

    @Override
    public CborMapBuilder coseKey() {
        return Cbor.map()
                .put(1, Cbor.integer(2))   // kty: EC2
                .put(-1, Cbor.integer(1))  // crv: P-256
                .put(-2, Cbor.bytes(x))
                .put(-3, Cbor.bytes(y));
    }

    /**
     * Deterministic k (RFC 6979) rather than a random one: the signature then depends only on
     * key and message, which keeps seeded runs byte-identical without a random parameter here.
     */
    private BigInteger[] signature(byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey);
        return signer.generateSignature(Sha256.digest(message));
    }
}
