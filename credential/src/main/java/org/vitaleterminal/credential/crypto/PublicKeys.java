package org.vitaleterminal.credential.crypto;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborFields;
import org.vitaleterminal.credential.cbor.CborItem;

/**
 * Builds {@link VerificationKey}s from the encodings the formats use: X.509
 * SubjectPublicKeyInfo (trust roots, certificates) and COSE_Key maps (trust lists, holder keys).
 * Anything but P-256, Ed25519 or RSA ≥ 2048 is refused.
 */
public final class PublicKeys {
    private static final long KTY = 1;
    private static final long KTY_OKP = 1;
    private static final long KTY_EC2 = 2;
    private static final long CRV = -1;
    private static final long CRV_P256 = 1;
    private static final long CRV_ED25519 = 6;
    private static final long X = -2;
    private static final long Y = -3;

    private static final ASN1ObjectIdentifier EC_PUBLIC_KEY = new ASN1ObjectIdentifier("1.2.840.10045.2.1");
    private static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private PublicKeys() {}

    /**
     * Parses a DER SubjectPublicKeyInfo.
     *
     * @throws Rejection {@code FORMAT} for malformed DER or an unsupported key type
     */
    public static VerificationKey fromSubjectPublicKeyInfo(byte[] der) throws Rejection {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            ASN1ObjectIdentifier type = info.getAlgorithm().getAlgorithm();
            byte[] keyBits = info.getPublicKeyData().getOctets();
            if (type.equals(EC_PUBLIC_KEY)) {
                ASN1Encodable curve = info.getAlgorithm().getParameters();
                if (!SECObjectIdentifiers.secp256r1.equals(curve)) {
                    throw new Rejection(Reason.FORMAT, "key: EC key not on P-256");
                }
                return Es256Key.fromEncodedPoint(keyBits);
            }
            if (type.equals(ED25519)) {
                if (info.getAlgorithm().getParameters() != null) {
                    throw new Rejection(Reason.FORMAT, "key: Ed25519 key with parameters");
                }
                return Ed25519Key.fromRaw(keyBits);
            }
            if (type.equals(PKCSObjectIdentifiers.rsaEncryption) || type.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
                RSAPublicKey rsa = RSAPublicKey.getInstance(ASN1Primitive.fromByteArray(keyBits));
                return Ps256Key.fromModulusAndExponent(rsa.getModulus(), rsa.getPublicExponent());
            }
            throw new Rejection(Reason.FORMAT, "key: unsupported key type");
        } catch (IOException | RuntimeException e) {
            throw new Rejection(Reason.FORMAT, "key: malformed public key");
        }
    }

    /**
     * Parses a COSE_Key: EC2 P-256 {@code {1:2, -1:1, -2:x, -3:y}} or OKP Ed25519
     * {@code {1:1, -1:6, -2:x}}, with no other labels.
     *
     * @param reason the reason to report when the map is malformed (it depends on where it sits)
     */
    public static VerificationKey fromCoseKey(CborItem item, Reason reason) throws Rejection {
        CborFields key = CborFields.of(item, reason, "COSE_Key");
        long kty = key.integer(KTY);
        try {
            if (kty == KTY_EC2) {
                key.onlyKeys(KTY, CRV, X, Y);
                if (key.integer(CRV) != CRV_P256) {
                    throw key.fail("unsupported curve");
                }
                return Es256Key.fromCoordinates(key.bytes(X, 32), key.bytes(Y, 32));
            }
            if (kty == KTY_OKP) {
                key.onlyKeys(KTY, CRV, X);
                if (key.integer(CRV) != CRV_ED25519) {
                    throw key.fail("unsupported curve");
                }
                return Ed25519Key.fromRaw(key.bytes(X, 32));
            }
        } catch (IllegalArgumentException e) {
            throw key.fail("point not on the curve");
        }
        throw key.fail("unsupported key type");
    }

    /** For RSA keys given as numbers (test vectors). */
    public static VerificationKey rsa(BigInteger modulus, BigInteger exponent) throws Rejection {
        try {
            return Ps256Key.fromModulusAndExponent(modulus, exponent);
        } catch (IllegalArgumentException e) {
            throw new Rejection(Reason.FORMAT, "key: " + e.getMessage());
        }
    }
}
