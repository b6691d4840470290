package org.vitaleterminal.sim.keys;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;

/** Ed25519 (COSE EdDSA) through BouncyCastle's lightweight API. */
final class Ed25519KeyPair extends SimKeyPair {
    /** DER of SEQUENCE { SEQUENCE { id-Ed25519 }, BIT STRING (32 bytes) } up to the key (RFC 8410). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private Ed25519KeyPair(Ed25519PrivateKeyParameters privateKey, byte[] publicKey) {
        super(SPKI_PREFIX, publicKey);
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    static Ed25519KeyPair generate(SecureRandom random) {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new Ed25519KeyPair((Ed25519PrivateKeyParameters) pair.getPrivate(),
                ((Ed25519PublicKeyParameters) pair.getPublic()).getEncoded());
    }

    @Override
    public int alg() {
        return EDDSA;
    }

    @Override
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Ed25519 signatures have no DER form; asking for one is a mistake in the test. */
    @Override
    public byte[] signDer(byte[] message) {
        throw new UnsupportedOperationException("DER signatures exist only for ECDSA (ES256)");
    }

    @Override
    public CborMapBuilder coseKey() {
        return Cbor.map()
                .put(1, Cbor.integer(1))   // kty: OKP
                .put(-1, Cbor.integer(6))  // crv: Ed25519
                .put(-2, Cbor.bytes(publicKey));
    }
}
