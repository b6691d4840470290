package org.vitaleterminal.credential.hc1;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.Kid;
import org.vitaleterminal.credential.crypto.VerificationKey;

/**
 * One trusted document-signer certificate (DSC), reduced to what HC1 verification needs.
 *
 * <p>The key is empty when the certificate is well formed but carries a key this project cannot
 * use (e.g. P-384, RSA below 2048 bits): such a certificate still answers to its kid, so a payload
 * naming it is refused as {@code UNSUPPORTED_ALG} rather than {@code UNKNOWN_KEY}, which is the
 * truthful answer (dgc-testdata ES 401–403).
 */
public final class DocumentSigner {
    private final Kid kid;
    private final VerificationKey key;
    private final Instant notBefore;
    private final Instant notAfter;
    private final Set<HcertEntryType> allowedTypes;

    /** @param allowedTypes never empty: a DSC without DCC OIDs allows all three types */
    DocumentSigner(Kid kid, VerificationKey key, Instant notBefore, Instant notAfter,
                   EnumSet<HcertEntryType> allowedTypes) {
        this.kid = kid;
        this.key = key;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.allowedTypes = Collections.unmodifiableSet(EnumSet.copyOf(allowedTypes));
    }

    public Kid kid() {
        return kid;
    }

    /** The verification key, or empty when the certificate's key type is not usable here. */
    public Optional<VerificationKey> key() {
        return Optional.ofNullable(key);
    }

    /** Whether this certificate can check a signature made with {@code algorithm}. */
    public boolean supports(CoseAlgorithm algorithm) {
        return key != null && key.algorithm() == algorithm;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    /** The entry types the extended key usage allows; all three when it names no DCC OID. */
    public Set<HcertEntryType> allowedTypes() {
        return allowedTypes;
    }

    /** HCERT: the certificate must be valid when the DCC is issued and until it expires. */
    boolean validityCovers(long issuedAtSeconds, long expiresAtSeconds) {
        return notBefore.getEpochSecond() <= issuedAtSeconds && expiresAtSeconds <= notAfter.getEpochSecond();
    }

    /** Subjects name organisations and sometimes people: only technical facts are printed. */
    @Override
    public String toString() {
        return "DocumentSigner[kid=" + kid + ", alg=" + (key == null ? "unsupported" : key.algorithm())
                + ", types=" + allowedTypes + "]";
    }
}
