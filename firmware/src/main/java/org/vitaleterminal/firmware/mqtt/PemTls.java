package org.vitaleterminal.firmware.mqtt;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Builds the TLS socket factory for {@code ssl://} brokers from PEM files: the CA certificates
 * that may sign the broker's certificate ({@code mqtt.ca}) and, optionally, the terminal's client
 * certificate chain ({@code mqtt.cert}) and its unencrypted private key ({@code mqtt.key}; PKCS#8
 * {@code PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY} or PKCS#1 {@code RSA PRIVATE KEY}). Only
 * TLS 1.3 and 1.2 are enabled. Every problem names the configuration key and the file.
 */
public final class PemTls {
    /** A PEM file and the configuration key it came from, for error messages. */
    public record PemFile(String key, Path file) {}

    private static final char[] IN_MEMORY_PASSWORD = "in-memory-only".toCharArray();

    private PemTls() {}

    public static SSLSocketFactory socketFactory(PemFile ca, Optional<PemFile> cert, Optional<PemFile> key)
            throws TlsSetupException {
        if (cert.isPresent() != key.isPresent()) {
            PemFile given = cert.orElseGet(key::get);
            throw new TlsSetupException(given.key() + " (" + given.file() + "): a client certificate needs both "
                    + "the certificate and its private key");
        }
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            List<X509Certificate> cas = certificates(ca);
            for (int i = 0; i < cas.size(); i++) {
                trusted.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);

            KeyManager[] keyManagers = null;
            if (cert.isPresent()) {
                List<X509Certificate> chain = certificates(cert.get());
                PrivateKey privateKey = privateKey(key.get());
                if (!pairs(privateKey, chain.get(0).getPublicKey())) {
                    throw new TlsSetupException(key.get().key() + " (" + key.get().file() + "): this private key does "
                            + "not belong to the certificate in " + cert.get().key() + " (" + cert.get().file() + ")");
                }
                KeyStore identity = KeyStore.getInstance("PKCS12");
                identity.load(null, null);
                identity.setKeyEntry("client", privateKey, IN_MEMORY_PASSWORD, chain.toArray(X509Certificate[]::new));
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(identity, IN_MEMORY_PASSWORD);
                keyManagers = keys.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trust.getTrustManagers(), null);
            return new ModernTlsSocketFactory(context.getSocketFactory());
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("cannot set up TLS from " + ca.key() + " (" + ca.file() + ")"
                    + cert.map(c -> " and " + c.key() + " (" + c.file() + ")").orElse("") + ": " + e.getMessage());
        }
    }

    static List<X509Certificate> certificates(PemFile pem) throws TlsSetupException {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object object : objects(pem)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(converter.getCertificate(holder));
                } catch (GeneralSecurityException e) {
                    throw new TlsSetupException(pem.key() + " (" + pem.file() + "): unusable certificate: " + e.getMessage());
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new TlsSetupException(pem.key() + " (" + pem.file() + "): expected PEM certificates "
                    + "(-----BEGIN CERTIFICATE-----), found none");
        }
        return certificates;
    }

    static PrivateKey privateKey(PemFile pem) throws TlsSetupException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        PrivateKey found = null;
        for (Object object : objects(pem)) {
            PrivateKey key;
            try {
                if (object instanceof PEMKeyPair pair) {
                    key = converter.getKeyPair(pair).getPrivate();
                } else if (object instanceof PrivateKeyInfo info) {
                    key = converter.getPrivateKey(info);
                } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new TlsSetupException(pem.key() + " (" + pem.file() + "): the key is encrypted; the terminal "
                            + "needs it unencrypted, in a file readable only by the service user");
                } else if (object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters) {
                    continue; // an "EC PARAMETERS" block as written by openssl ecparam -genkey
                } else {
                    continue;
                }
            } catch (IOException e) {
                throw new TlsSetupException(pem.key() + " (" + pem.file() + "): unusable private key: " + e.getMessage());
            }
            if (found != null) {
                throw new TlsSetupException(pem.key() + " (" + pem.file() + "): expected one private key, found several");
            }
            found = key;
        }
        if (found == null) {
            throw new TlsSetupException(pem.key() + " (" + pem.file() + "): expected a PEM private key (PRIVATE KEY, "
                    + "EC PRIVATE KEY or RSA PRIVATE KEY), found none");
        }
        return found;
    }

    private static List<Object> objects(PemFile pem) throws TlsSetupException {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(pem.file(), StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports some malformed input with runtime exceptions; never let them escape.
            throw new TlsSetupException(pem.key() + " (" + pem.file() + "): cannot read PEM ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        return objects;
    }

    /** Signs a random challenge with the private key and checks it with the certificate's key. */
    private static boolean pairs(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        boolean sameFamily = privateKey.getAlgorithm().equals(publicKey.getAlgorithm())
                || (privateKey.getAlgorithm().startsWith("Ed") && publicKey.getAlgorithm().startsWith("Ed"));
        if (algorithm == null || !sameFamily) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** TLS could not be set up from the configured files; the message names key and file. */
    public static final class TlsSetupException extends Exception {
        public TlsSetupException(String message) {
            super(message, null, false, false);
        }
    }
}
