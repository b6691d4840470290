package org.vitaleterminal.credential.hc1;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Self-signed test document-signer certificates, built with BouncyCastle's ASN.1 classes (the
 * project depends on bcprov only) and signed through the JCA.
 */
final class TestPki {
    static final String OID_TEST = "1.3.6.1.4.1.0.1847.2021.1.1";
    static final String OID_VACCINATION = "1.3.6.1.4.1.0.1847.2021.1.2";
    static final String OID_RECOVERY = "1.3.6.1.4.1.0.1847.2021.1.3";
    static final String OID_VACCINATION_WITHOUT_ZERO_ARC = "1.3.6.1.4.1.1847.2021.1.2";
    static final String OID_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    static final Instant NOT_BEFORE = Instant.parse("2021-01-01T00:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2023-01-01T00:00:00Z");

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestPki() {}

    static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A DSC valid from {@link #NOT_BEFORE} to {@link #NOT_AFTER}; {@code ekuOids} null = no EKU extension. */
    static byte[] certificate(KeyPair keys, List<String> ekuOids) {
        return certificate(keys, "CN=Test DSC,C=FR", NOT_BEFORE, NOT_AFTER, ekuOids);
    }

    static byte[] certificate(KeyPair keys, String subject, Instant notBefore, Instant notAfter, List<String> ekuOids) {
        try {
            boolean rsa = keys.getPrivate().getAlgorithm().equals("RSA");
            AlgorithmIdentifier signatureAlgorithm = rsa
                    ? new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE)
                    : new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(SERIAL.incrementAndGet())));
            tbs.setIssuer(new X500Name(subject));
            tbs.setSubject(new X500Name(subject));
            tbs.setStartDate(new Time(Date.from(notBefore)));
            tbs.setEndDate(new Time(Date.from(notAfter)));
            tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
            tbs.setSignature(signatureAlgorithm);
            if (ekuOids != null) {
                ASN1EncodableVector purposes = new ASN1EncodableVector();
                ekuOids.forEach(oid -> purposes.add(new ASN1ObjectIdentifier(oid)));
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.extendedKeyUsage, false, new DERSequence(purposes));
                tbs.setExtensions(extensions.generate());
            }
            TBSCertificate toBeSigned = tbs.generateTBSCertificate();
            Signature signer = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(toBeSigned.getEncoded("DER"));
            ASN1EncodableVector certificate = new ASN1EncodableVector();
            certificate.add(toBeSigned);
            certificate.add(signatureAlgorithm);
            certificate.add(new DERBitString(signer.sign()));
            return new DERSequence(certificate).getEncoded("DER");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] pem(byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return ("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n").getBytes();
    }
}
