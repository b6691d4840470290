package org.vitaleterminal.firmware.mqtt;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for TLS tests: a CA, a broker certificate for
 * {@code 127.0.0.1}/{@code localhost} (or other names) and client certificates whose CN is the
 * identity the broker maps to a user name. Everything is written as PEM into a directory.
 */
final class TestPki {
    private final Path dir;
    private final KeyPair caKeys;
    private final X509CertificateHolder caCert;
    private long serial = 1;

    TestPki(Path dir) throws GeneralSecurityException, IOException, OperatorCreationException {
        this.dir = dir;
        this.caKeys = ecKeys();
        X500Name name = new X500Name("CN=vitale-terminal test CA");
        JcaX509v3CertificateBuilder builder = builder(name, caKeys, name);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        this.caCert = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
        writePem(caFile(), caCert);
        Identity server = issue("broker", true, "127.0.0.1", "localhost");
        Files.move(server.cert(), serverCert());
        Files.move(server.key(), serverKey());
    }

    /** A certificate and its private key, as files. */
    record Identity(Path cert, Path key) {}

    Path caFile() {
        return dir.resolve("ca.pem");
    }

    Path serverCert() {
        return dir.resolve("server.pem");
    }

    Path serverKey() {
        return dir.resolve("server.key");
    }

    /** A client certificate with {@code CN=cn}; the key as PKCS#8 ({@code PRIVATE KEY}). */
    Identity client(String cn) throws GeneralSecurityException, IOException, OperatorCreationException {
        return issue(cn, false);
    }

    /** A certificate for a broker known by other names (to check hostname verification). */
    Identity server(String cn, String... names) throws GeneralSecurityException, IOException, OperatorCreationException {
        return issue(cn, true, names);
    }

    private Identity issue(String cn, boolean server, String... names)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPair keys = ecKeys();
        JcaX509v3CertificateBuilder builder = builder(new X500Name("CN=vitale-terminal test CA"), keys,
                new X500Name("CN=" + cn));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (names.length > 0) {
            GeneralName[] alt = new GeneralName[names.length];
            for (int i = 0; i < names.length; i++) {
                alt[i] = names[i].matches("[0-9.]+") ? new GeneralName(GeneralName.iPAddress, names[i])
                        : new GeneralName(GeneralName.dNSName, names[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alt));
        }
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        X509CertificateHolder cert = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
        Path certFile = dir.resolve(cn + (server ? "-server" : "") + ".pem");
        Path keyFile = dir.resolve(cn + (server ? "-server" : "") + ".key");
        writePem(certFile, cert);
        writePem(keyFile, new JcaPKCS8Generator(keys.getPrivate(), null).generate());
        return new Identity(certFile, keyFile);
    }

    private JcaX509v3CertificateBuilder builder(X500Name issuer, KeyPair subjectKeys, X500Name subject) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial++),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                subjectKeys.getPublic());
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static void writePem(Path file, Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object instanceof X509CertificateHolder holder
                    ? new org.bouncycastle.util.io.pem.PemObject("CERTIFICATE", holder.getEncoded()) : object);
        }
        Files.writeString(file, text.toString());
    }
}
