package org.vitaleterminal.credential.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vitaleterminal.sim.cbor.Cbor.bool;
import static org.vitaleterminal.sim.cbor.Cbor.bytes;
import static org.vitaleterminal.sim.cbor.Cbor.integer;
import static org.vitaleterminal.sim.cbor.Cbor.map;
import static org.vitaleterminal.sim.cbor.Cbor.text;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.sim.cbor.CborValue;

/** Which keys {@link PublicKeys} builds: P-256, Ed25519, RSA ≥ 2048 only, each bound to one algorithm. */
class PublicKeysTest {
    private static final HexFormat HEX = HexFormat.of();
    // RFC 8392 A.3 / cose-wg key, P-256
    private static final byte[] X = HEX.parseHex("143329cce7868e416927599cf65a34f3ce2ffda55a7eca69ed8919a394d42f0f");
    private static final byte[] Y = HEX.parseHex("60f7f1a780d8a783bfb7a2dd6b2796e8128dbbcef9d3d168db9529971a36e7b9");
    // RFC 8032 §7.1 TEST 1 public key
    private static final byte[] ED = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    @Test
    void coseKeysInProfile() throws Rejection {
        assertEquals(CoseAlgorithm.ES256, coseKey(map().put(1, integer(2)).put(-1, integer(1))
                .put(-2, bytes(X)).put(-3, bytes(Y))).algorithm());
        assertEquals(CoseAlgorithm.EDDSA, coseKey(map().put(1, integer(1)).put(-1, integer(6))
                .put(-2, bytes(ED))).algorithm());
    }

    @Test
    void coseKeysOutOfProfile() {
        byte[] y2 = Y.clone();
        y2[31] ^= 1;
        byte[] x33 = new byte[33]; // a zero byte, then X
        System.arraycopy(X, 0, x33, 1, X.length);
        CborValue[] refused = {
            // P-256 coordinates under another curve label (P-384 = 2, P-521 = 3, unknown)
            map().put(1, integer(2)).put(-1, integer(2)).put(-2, bytes(X)).put(-3, bytes(Y)),
            map().put(1, integer(2)).put(-1, integer(3)).put(-2, bytes(X)).put(-3, bytes(Y)),
            map().put(1, integer(2)).put(-1, integer(0)).put(-2, bytes(X)).put(-3, bytes(Y)),
            // a point off the curve
            map().put(1, integer(2)).put(-1, integer(1)).put(-2, bytes(X)).put(-3, bytes(y2)),
            // x = p (out of the field)
            map().put(1, integer(2)).put(-1, integer(1))
                    .put(-2, bytes(HEX.parseHex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")))
                    .put(-3, bytes(Y)),
            // compressed form (y as a boolean) and missing y
            map().put(1, integer(2)).put(-1, integer(1)).put(-2, bytes(X)).put(-3, bool(true)),
            map().put(1, integer(2)).put(-1, integer(1)).put(-2, bytes(X)),
            // wrong sizes
            map().put(1, integer(2)).put(-1, integer(1)).put(-2, bytes(Arrays.copyOf(X, 31))).put(-3, bytes(Y)),
            map().put(1, integer(2)).put(-1, integer(1)).put(-2, bytes(x33)).put(-3, bytes(Y)),
            map().put(1, integer(1)).put(-1, integer(6)).put(-2, bytes(Arrays.copyOf(ED, 31))),
            // extra labels (kid, alg, d) and OKP curves other than Ed25519 (X25519 = 4, Ed448 = 7)
            map().put(1, integer(2)).put(2, bytes(new byte[] {1})).put(-1, integer(1)).put(-2, bytes(X))
                    .put(-3, bytes(Y)),
            map().put(1, integer(1)).put(3, integer(-8)).put(-1, integer(6)).put(-2, bytes(ED)),
            map().put(1, integer(1)).put(-1, integer(6)).put(-2, bytes(ED)).put(-4, bytes(ED)),
            map().put(1, integer(1)).put(-1, integer(4)).put(-2, bytes(ED)),
            map().put(1, integer(1)).put(-1, integer(7)).put(-2, bytes(ED)),
            // kty RSA (3), symmetric (4), as text, missing
            map().put(1, integer(3)).put(-1, bytes(X)).put(-2, bytes(new byte[] {1, 0, 1})),
            map().put(1, integer(4)).put(-1, bytes(X)),
            map().put(1, text("EC2")).put(-1, integer(1)).put(-2, bytes(X)).put(-3, bytes(Y)),
            map().put(-1, integer(1)).put(-2, bytes(X)).put(-3, bytes(Y)),
            // a text label
            map().put(1, integer(1)).put(-1, integer(6)).put(-2, bytes(ED)).put("use", text("sig")),
        };
        for (CborValue item : refused) {
            byte[] key = item.encode();
            Rejection rejection = assertThrows(Rejection.class, () -> coseKey(key), HEX.formatHex(key));
            assertEquals(Reason.KEY_NOT_VALID, rejection.reason(), "the caller's reason is kept");
        }
        // not a map at all
        assertEquals(Reason.KEY_NOT_VALID, assertThrows(Rejection.class, () -> coseKey(bytes(X))).reason());
    }

    @Test
    void subjectPublicKeyInfos() throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42);

        ECNamedDomainParameters p256 = named("secp256r1", SECObjectIdentifiers.secp256r1);
        assertInstanceOf(Es256Key.class, PublicKeys.fromSubjectPublicKeyInfo(spki(ec(p256, random))));
        byte[] p256Der = spki(ec(p256, random));

        ECNamedDomainParameters p384 = named("secp384r1", SECObjectIdentifiers.secp384r1);
        ECNamedDomainParameters k256 = named("secp256k1", SECObjectIdentifiers.secp256k1);
        RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
        rsa.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random, 1024, 80));
        byte[] rsa1024 = spki(rsa.generateKeyPair());
        rsa.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random, 2048, 80));
        assertInstanceOf(Ps256Key.class, PublicKeys.fromSubjectPublicKeyInfo(spki(rsa.generateKeyPair())));
        X25519KeyPairGenerator x25519 = new X25519KeyPairGenerator();
        x25519.init(new X25519KeyGenerationParameters(random));

        // a genuine P-256 point whose SPKI names another curve: 1.2.840.10045.3.1.7 -> ...3.1.6 (prime239v3)
        byte[] otherCurveOid = p256Der.clone();
        int oid = indexOf(otherCurveOid, HEX.parseHex("2a8648ce3d030107"));
        otherCurveOid[oid + 7] = 0x06;

        byte[][] refused = {
            otherCurveOid,
            spki(ec(p384, random)), // P-384
            spki(ec(k256, random)), // secp256k1: 256-bit, but not P-256
            rsa1024, // RSA below 2048
            spki(x25519.generateKeyPair()), // X25519 is not a signature key
            Arrays.copyOf(p256Der, p256Der.length + 1), // trailing byte (00) after the DER
            Arrays.copyOf(p256Der, p256Der.length - 1), // truncated
            new byte[0],
            HEX.parseHex("3000"),
        };
        for (byte[] der : refused) {
            Rejection rejection = assertThrows(Rejection.class, () -> PublicKeys.fromSubjectPublicKeyInfo(der),
                    HEX.formatHex(der));
            assertEquals(Reason.FORMAT, rejection.reason());
        }
    }

    @Test
    void rsaNumbers() throws Exception {
        BigInteger e = BigInteger.valueOf(65537);
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(7);
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(e, random, 2048, 80));
        BigInteger n2048 = ((org.bouncycastle.crypto.params.RSAKeyParameters) generator.generateKeyPair().getPublic())
                .getModulus();
        assertEquals(2048, ((Ps256Key) PublicKeys.rsa(n2048, e)).modulusBits());
        // BouncyCastle's own modulus validation also ends in FORMAT, not an exception
        BigInteger smallFactor = BigInteger.ONE.shiftLeft(2047).add(BigInteger.valueOf(0x1235)); // odd, divisible by 29
        assertEquals(Reason.FORMAT, assertThrows(Rejection.class, () -> PublicKeys.rsa(smallFactor, e)).reason());
        BigInteger n2047 = BigInteger.ONE.shiftLeft(2046).add(BigInteger.ONE);
        for (BigInteger[] bad : new BigInteger[][] {
            {n2047, e}, {n2048.add(BigInteger.ONE), e}, {n2048, BigInteger.ONE}, {n2048, BigInteger.valueOf(65536)},
            {n2048, n2048}, {n2048, BigInteger.valueOf(-3)},
        }) {
            assertEquals(Reason.FORMAT, assertThrows(Rejection.class, () -> PublicKeys.rsa(bad[0], bad[1])).reason());
        }
    }

    private static org.vitaleterminal.credential.crypto.VerificationKey coseKey(CborValue key) throws Rejection {
        return coseKey(key.encode());
    }

    private static org.vitaleterminal.credential.crypto.VerificationKey coseKey(byte[] encoded) throws Rejection {
        return PublicKeys.fromCoseKey(CborDecoder.decode(encoded, CborProfile.VT1_PAYLOAD), Reason.KEY_NOT_VALID);
    }

    private static ECNamedDomainParameters named(String name, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        X9ECParameters curve = CustomNamedCurves.getByName(name);
        return new ECNamedDomainParameters(oid, new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(),
                curve.getH()));
    }

    private static AsymmetricCipherKeyPair ec(ECNamedDomainParameters domain, SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, random));
        return generator.generateKeyPair();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static byte[] spki(AsymmetricCipherKeyPair pair) throws java.io.IOException {
        return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()).getEncoded("DER");
    }
}
