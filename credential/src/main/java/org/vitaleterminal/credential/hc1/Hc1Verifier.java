package org.vitaleterminal.credential.hc1;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vitaleterminal.credential.PayloadFormat;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.cose.CoseSign1;

/**
 * Verifies an {@code HC1:} text (EU Digital COVID Certificate, spec §6) against trusted
 * document-signer certificates. The checks run in the order of spec §4 and the first failure
 * decides the reason:
 * <ol>
 *   <li>a non-empty trust store (step 0), then the size (text ≤ 4096 chars);</li>
 *   <li>prefix, Base45, zlib (≤ 8192 bytes inflated), strict CBOR, COSE_Sign1 shape;</li>
 *   <li>headers ({@link Hc1Header}): protected alg, kid, alg ES256 / PS256;</li>
 *   <li>signature: every certificate with the kid whose key fits the alg is tried;</li>
 *   <li>claims ({@link HcertClaims}) — decoded only once a signature covers them;</li>
 *   <li>the certificate's extended key usage covers the entry types;</li>
 *   <li>the certificate's validity covers {@code iat..exp};</li>
 *   <li>{@code iat} not ahead of now (beyond the policy's skew), {@code exp} not passed.</li>
 * </ol>
 * Never throws for any text: every failure is a {@link VerificationResult.Rejected} whose detail
 * is a constant of this code base, never payload text.
 */
public final class Hc1Verifier {
    /** Detail of the {@code KEY_NOT_VALID} rejection for an extended key usage that excludes an entry type. */
    public static final String KEY_USAGE_DETAIL = "hc1: certificate key usage does not cover the entry type";
    /** Detail of the {@code KEY_NOT_VALID} rejection for a certificate not valid for the whole iat..exp. */
    public static final String VALIDITY_DETAIL = "hc1: certificate validity does not cover iat..exp";

    /** The context identifier that starts every HC1 text. */
    public static final String PREFIX = Hc1Decoder.PREFIX;

    private final VerificationPolicy policy;

    public Hc1Verifier(VerificationPolicy policy) {
        this.policy = Objects.requireNonNull(policy);
    }

    /**
     * @param text  the scanned text, as read (no trimming is done here)
     * @param now   the terminal's trusted time
     * @param store the trusted document-signer certificates
     */
    public VerificationResult verify(String text, Instant now, Hc1TrustStore store) {
        Objects.requireNonNull(now, "now");
        PayloadFormat format = formatOf(text);
        try {
            return new VerificationResult.AcceptedHcert(check(text, now, store));
        } catch (Rejection rejection) {
            return VerificationResult.Rejected.of(rejection, format);
        } catch (RuntimeException bug) {
            // Fail closed: an unexpected exception is a bug, but it must never accept or crash the scan loop.
            return new VerificationResult.Rejected(Reason.FORMAT, "hc1: internal error while decoding", format);
        }
    }

    private VerifiedHcert check(String text, Instant now, Hc1TrustStore store) throws Rejection {
        if (text == null) {
            throw new Rejection(Reason.FORMAT, "hc1: no text");
        }
        if (store == null || store.isEmpty()) {
            throw new Rejection(Reason.TRUST_LIST_MISSING, "hc1: no trusted document signer certificates");
        }
        if (text.length() > Hc1Decoder.MAX_TEXT_CHARS) {
            throw new Rejection(Reason.TOO_LARGE, "hc1: text longer than 4096 characters");
        }
        CoseSign1 message = Hc1Decoder.decode(text);
        Hc1Header header = Hc1Header.of(message);
        List<DocumentSigner> signers = verifiedSigners(message, header, store);
        HcertClaims claims = HcertClaims.parse(message.payload());
        DocumentSigner signer = signerValidFor(claims, signers);
        checkTime(claims, now);
        return new VerifiedHcert(header.kid(), header.algorithm(), claims.issuer(), claims.issuedAtInstant(),
                claims.expiresAtInstant(), claims.entryTypes(), claims.dcc());
    }

    /**
     * The certificates with the header's kid whose signature check succeeds. Kids collide and
     * trust lists may hold several certificates under one kid, so every candidate is tried
     * (HCERT §3.3.1); a candidate whose key does not fit the header alg is never asked to
     * verify (a P-384 or RSA key under ES256 is refused, not coerced).
     */
    private static List<DocumentSigner> verifiedSigners(CoseSign1 message, Hc1Header header, Hc1TrustStore store)
            throws Rejection {
        List<DocumentSigner> candidates = store.candidates(header.kid());
        if (candidates.isEmpty()) {
            throw new Rejection(Reason.UNKNOWN_KEY, "hc1: kid not in the trust store");
        }
        byte[] toBeSigned = null;
        boolean anyFits = false;
        List<DocumentSigner> verified = new ArrayList<>(1);
        for (DocumentSigner candidate : candidates) {
            if (!candidate.supports(header.algorithm())) {
                continue;
            }
            anyFits = true;
            if (toBeSigned == null) {
                toBeSigned = message.toBeSigned(new byte[0]); // HCERT uses no external AAD
            }
            if (candidate.key().orElseThrow().verify(toBeSigned, message.signature())) {
                verified.add(candidate);
            }
        }
        if (!anyFits) {
            throw new Rejection(Reason.UNSUPPORTED_ALG, "hc1: certificate key does not fit the header alg");
        }
        if (verified.isEmpty()) {
            throw new Rejection(Reason.BAD_SIGNATURE, "hc1: signature does not verify");
        }
        return verified;
    }

    /**
     * The first verifying certificate that may sign these entry types for this period. Two
     * certificates can only both verify if they hold the same key; then either may vouch.
     */
    private static DocumentSigner signerValidFor(HcertClaims claims, List<DocumentSigner> signers)
            throws Rejection {
        Rejection first = null;
        for (DocumentSigner signer : signers) {
            Rejection problem = null;
            if (!signer.allowedTypes().containsAll(claims.entryTypes())) {
                problem = new Rejection(Reason.KEY_NOT_VALID, KEY_USAGE_DETAIL);
            } else if (!signer.validityCovers(claims.issuedAt(), claims.expiresAt())) {
                problem = new Rejection(Reason.KEY_NOT_VALID, VALIDITY_DETAIL);
            }
            if (problem == null) {
                return signer;
            }
            if (first == null) {
                first = problem;
            }
        }
        throw first;
    }

    private void checkTime(HcertClaims claims, Instant now) throws Rejection {
        if (claims.issuedAtInstant().isAfter(now.plus(policy.notBeforeSkew()))) {
            throw new Rejection(Reason.NOT_YET_VALID, "hc1: iat is in the future");
        }
        if (now.isAfter(claims.expiresAtInstant())) {
            throw new Rejection(Reason.EXPIRED, "hc1: exp has passed");
        }
    }

    /** What the text claims to be, for the rejection record (this verifier accepts only HC1). */
    private static PayloadFormat formatOf(String text) {
        return text != null && text.startsWith(PREFIX) ? PayloadFormat.HC1 : PayloadFormat.UNKNOWN;
    }
}
