package org.vitaleterminal.credential.hc1;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.crypto.Kid;
import org.vitaleterminal.credential.crypto.PublicKeys;
import org.vitaleterminal.credential.crypto.VerificationKey;

/**
 * The document-signer certificates (DSCs) an HC1 payload may be signed with. Immutable once
 * built, no I/O: callers pass the certificate bytes (DER or PEM) they got from provisioning or a
 * trust-list download.
 *
 * <p>Certificates are parsed with the JDK's {@code CertificateFactory}, which accepts the Finnish
 * DSCs that encode a DEFAULT value (a DER violation strict parsers refuse); the kid is computed
 * over the bytes exactly as given, which is what the issuer hashed. The store does not chain DSCs
 * to a CSCA: being on the list is what makes a DSC trusted (HCERT's trust model), so whoever
 * builds the list must have checked it.
 *
 * <p>Several certificates may share a kid (it is 8 bytes of a hash, and a trust list may publish
 * a kid of its own): {@link #candidates(Kid)} returns all of them and the verifier tries each.
 */
public final class Hc1TrustStore {
    private static final Hc1TrustStore EMPTY = new Hc1TrustStore(Map.of(), 0);

    private final Map<Kid, List<DocumentSigner>> byKid;
    private final int size;

    private Hc1TrustStore(Map<Kid, List<DocumentSigner>> byKid, int size) {
        this.byKid = byKid;
        this.size = size;
    }

    public static Hc1TrustStore empty() {
        return EMPTY;
    }

    /** A store of the given certificates (each DER or PEM), kids derived from their bytes. */
    public static Hc1TrustStore of(Collection<byte[]> certificates) throws InvalidCertificateException {
        Builder builder = builder();
        for (byte[] certificate : certificates) {
            builder.add(certificate);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every trusted certificate with this kid, in the order they were added; empty if none. */
    public List<DocumentSigner> candidates(Kid kid) {
        return byKid.getOrDefault(kid, List.of());
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The number of certificates held. */
    public int size() {
        return size;
    }

    /** Collects certificates; not thread-safe, the built store is. */
    public static final class Builder {
        private final Map<Kid, List<DocumentSigner>> byKid = new LinkedHashMap<>();
        private final Map<Kid, List<byte[]>> derByKid = new LinkedHashMap<>();
        private int index;

        private Builder() {}

        /** Adds one certificate, DER or PEM, under the kid derived from its DER bytes (HCERT). */
        public Builder add(byte[] certificate) throws InvalidCertificateException {
            return add(certificate, null);
        }

        /**
         * Adds one certificate under the kid a trust list publishes for it (DCC gateway records
         * carry one). The kid only selects candidates; the signature decides.
         */
        public Builder add(byte[] certificate, Kid listedKid) throws InvalidCertificateException {
            int position = index++;
            X509Certificate x509 = parse(certificate, position);
            byte[] der = encoded(x509, position);
            Kid kid = listedKid != null ? listedKid : Kid.derivedFrom(der);
            List<byte[]> known = derByKid.computeIfAbsent(kid, k -> new ArrayList<>());
            for (byte[] earlier : known) {
                if (Arrays.equals(earlier, der)) {
                    return this; // the same certificate twice under one kid would only be tried twice
                }
            }
            known.add(der);
            DocumentSigner signer = new DocumentSigner(kid, usableKey(x509.getPublicKey()),
                    x509.getNotBefore().toInstant(), x509.getNotAfter().toInstant(), allowedTypes(x509, position));
            byKid.computeIfAbsent(kid, k -> new ArrayList<>()).add(signer);
            return this;
        }

        public Hc1TrustStore build() {
            Map<Kid, List<DocumentSigner>> copy = new LinkedHashMap<>();
            int total = 0;
            for (Map.Entry<Kid, List<DocumentSigner>> entry : byKid.entrySet()) {
                copy.put(entry.getKey(), List.copyOf(entry.getValue()));
                total += entry.getValue().size();
            }
            return total == 0 ? EMPTY : new Hc1TrustStore(Map.copyOf(copy), total);
        }

        /**
         * Exactly one X.509 certificate: DER (which must end where the certificate ends, so that
         * the kid is computed over what was parsed) or one PEM block.
         */
        private static X509Certificate parse(byte[] input, int position) throws InvalidCertificateException {
            if (input == null || input.length == 0) {
                throw new InvalidCertificateException(position, "empty input");
            }
            Certificate certificate;
            try {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                if (input[0] == 0x30) { // a DER SEQUENCE
                    certificate = factory.generateCertificate(new ByteArrayInputStream(input));
                    if (!Arrays.equals(certificate.getEncoded(), input)) {
                        throw new InvalidCertificateException(position, "bytes after the DER certificate");
                    }
                } else {
                    Collection<? extends Certificate> all = factory.generateCertificates(new ByteArrayInputStream(input));
                    if (all.size() != 1) {
                        throw new InvalidCertificateException(position,
                                "expected exactly one PEM certificate, found " + all.size());
                    }
                    certificate = all.iterator().next();
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new InvalidCertificateException(position, "not a parseable X.509 certificate (DER or PEM)");
            }
            if (!(certificate instanceof X509Certificate x509)) {
                throw new InvalidCertificateException(position, "not an X.509 certificate");
            }
            return x509;
        }

        /** The certificate's bytes as issued (the JDK keeps them; it does not re-encode). */
        private static byte[] encoded(X509Certificate certificate, int position) throws InvalidCertificateException {
            try {
                return certificate.getEncoded();
            } catch (GeneralSecurityException e) {
                throw new InvalidCertificateException(position, "certificate cannot be encoded");
            }
        }

        /**
         * Our own key classes, or {@code null} for a key type they refuse (P-384, RSA below 2048
         * bits, ...): such a certificate is well formed, merely unusable for ES256 / PS256.
         */
        private static VerificationKey usableKey(PublicKey key) {
            try {
                return PublicKeys.fromSubjectPublicKeyInfo(key.getEncoded());
            } catch (Rejection unusable) {
                return null;
            }
        }

        /** HCERT: DCC OIDs in the EKU restrict the DSC to those types; none of them = all types. */
        private static EnumSet<HcertEntryType> allowedTypes(X509Certificate certificate, int position)
                throws InvalidCertificateException {
            List<String> usages;
            try {
                usages = certificate.getExtendedKeyUsage();
            } catch (CertificateParsingException | RuntimeException e) {
                throw new InvalidCertificateException(position, "malformed extended key usage extension");
            }
            EnumSet<HcertEntryType> types = EnumSet.noneOf(HcertEntryType.class);
            if (usages != null) {
                for (String oid : usages) {
                    for (HcertEntryType type : HcertEntryType.values()) {
                        if (type.matchesOid(oid)) {
                            types.add(type);
                        }
                    }
                }
            }
            return types.isEmpty() ? EnumSet.allOf(HcertEntryType.class) : types;
        }
    }
}
