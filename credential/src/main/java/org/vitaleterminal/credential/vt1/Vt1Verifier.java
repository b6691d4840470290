package org.vitaleterminal.credential.vt1;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.PayloadFormat;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.Digests;
import org.vitaleterminal.credential.crypto.PublicKeys;
import org.vitaleterminal.credential.crypto.VerificationKey;
import org.vitaleterminal.credential.trust.IssuerKey;
import org.vitaleterminal.credential.trust.TrustList;

/**
 * Verifies VT1 presentation bytes, steps 2–10 of spec §4, in that order: the first failing check
 * decides the reason. (Step 0, the terminal's own state, and step 1, the text size, are the
 * caller's: see {@code CredentialVerifier}.) Nothing from a payload is used before the signature
 * covering it has verified, and this never throws for any input.
 */
public final class Vt1Verifier {
    private static final byte[] CREDENTIAL_AAD = "VT1/credential".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PRESENTATION_AAD = "VT1/presentation".getBytes(StandardCharsets.US_ASCII);

    private final VerificationPolicy policy;
    private final ReplayGuard replayGuard;

    public Vt1Verifier(VerificationPolicy policy, ReplayGuard replayGuard) {
        this.policy = policy;
        this.replayGuard = replayGuard;
    }

    /**
     * @param presentationBytes the raw presentation (inflated QR payload, or NFC bytes)
     * @param channel           how it arrived; NFC requires {@code challenge}
     * @param challenge         the 16 bytes this terminal sent in this NFC session, else ignored
     * @param now               the terminal's (trusted) time
     * @param trustList         the verified, non-stale trust list in use
     */
    public VerificationResult verify(byte[] presentationBytes, Channel channel, byte[] challenge, Instant now,
                                     TrustList trustList) {
        try {
            return new VerificationResult.AcceptedPresentation(
                    check(presentationBytes, channel, challenge, now, trustList));
        } catch (Rejection rejection) {
            return VerificationResult.Rejected.of(rejection, PayloadFormat.VT1);
        } catch (ReplayGuard.Unavailable stateFault) {
            throw stateFault; // the terminal's fault, not the payload's: the caller reports it
        } catch (RuntimeException bug) {
            // Fail closed: an unexpected exception is a bug, but it must never accept or crash the scan loop.
            return new VerificationResult.Rejected(Reason.FORMAT, "internal error while decoding", PayloadFormat.VT1);
        }
    }

    private boolean wasAccepted(byte[] credentialId, byte[] nonce, Instant now) {
        try {
            return replayGuard.wasAccepted(credentialId, nonce, now);
        } catch (RuntimeException e) {
            throw new ReplayGuard.Unavailable(e);
        }
    }

    private VerifiedPresentation check(byte[] bytes, Channel channel, byte[] challenge, Instant now,
                                       TrustList trustList) throws Rejection {
        Envelope envelope = Envelope.open(bytes);                                        // steps 2–3
        IssuerKey issuerKey = checkIssuerSignature(envelope, trustList);                 // step 4
        CredentialClaims credential = CredentialClaims.decode(envelope.credential().payload());
        checkCredentialClaims(credential, issuerKey, now, trustList);                    // step 5
        checkHolderSignature(envelope, credential);                                      // step 6
        PresentationClaims presentation = envelope.claims();
        Instant forgetAfter = checkFreshness(presentation, channel, challenge, now);     // step 7
        if (wasAccepted(credential.credentialId(), presentation.nonce(), now)) {               // step 8
            throw new Rejection(Reason.REPLAYED, "this presentation was already accepted");
        }
        List<Beneficiary> beneficiaries = checkDisclosures(presentation, credential);    // step 9
        Insured insured = DataChecks.insured(credential.insured());                      // step 10
        for (Beneficiary beneficiary : beneficiaries) {
            DataChecks.beneficiary(beneficiary);
        }
        try {
            replayGuard.recordAccepted(credential.credentialId(), presentation.nonce(), forgetAfter);
        } catch (RuntimeException e) {
            throw new ReplayGuard.Unavailable(e);
        }
        return new VerifiedPresentation(channel,
                new CredentialInfo(credential.credentialId(), credential.issuer(), issuerKey.kid(),
                        Instant.ofEpochSecond(credential.issuedAt()), Instant.ofEpochSecond(credential.notBefore()),
                        Instant.ofEpochSecond(credential.expiresAt()), credential.demo(), credential.delegate(),
                        credential.delegatedUntil() == null ? null : Instant.ofEpochSecond(credential.delegatedUntil())),
                new PresentationInfo(Instant.ofEpochSecond(presentation.issuedAt()), presentation.nonce()),
                insured, beneficiaries);
    }

    private static IssuerKey checkIssuerSignature(Envelope envelope, TrustList trustList) throws Rejection {
        IssuerKey key = trustList.issuerKey(envelope.credentialKid())
                .orElseThrow(() -> new Rejection(Reason.UNKNOWN_KEY, "issuer kid not in the trust list"));
        if (key.algorithm() != envelope.credentialAlg()) {
            throw new Rejection(Reason.UNSUPPORTED_ALG, "credential alg differs from the issuer key record");
        }
        if (!key.key().verify(envelope.credential().toBeSigned(CREDENTIAL_AAD), envelope.credential().signature())) {
            throw new Rejection(Reason.BAD_SIGNATURE, "issuer signature does not verify");
        }
        return key;
    }

    private void checkCredentialClaims(CredentialClaims claims, IssuerKey key, Instant now, TrustList trustList)
            throws Rejection {
        if (!claims.issuer().equals(key.issuer())) {
            throw new Rejection(Reason.KEY_NOT_VALID, "key not valid for this issuer");
        }
        if (!key.covers(Instant.ofEpochSecond(claims.issuedAt()), Instant.ofEpochSecond(claims.expiresAt()))) {
            throw new Rejection(Reason.KEY_NOT_VALID, "key validity does not cover the credential's iat..exp");
        }
        if (Instant.ofEpochSecond(claims.notBefore()).isAfter(now.plus(policy.notBeforeSkew()))) {
            throw new Rejection(Reason.NOT_YET_VALID, "credential not yet valid (nbf)");
        }
        if (now.isAfter(Instant.ofEpochSecond(claims.expiresAt()))) {
            throw new Rejection(Reason.EXPIRED, "credential expired");
        }
        if (claims.delegatedUntil() != null && now.isAfter(Instant.ofEpochSecond(claims.delegatedUntil()))) {
            throw new Rejection(Reason.EXPIRED, "delegation ended");
        }
        if (trustList.isRevoked(claims.credentialId())) {
            throw new Rejection(Reason.REVOKED, "credential revoked");
        }
        if ((key.demo() || claims.demo()) && !policy.demoMode()) {
            throw new Rejection(Reason.DEMO_NOT_ALLOWED, key.demo() ? "demo issuer key outside demo mode"
                    : "demo credential outside demo mode");
        }
    }

    private static void checkHolderSignature(Envelope envelope, CredentialClaims claims) throws Rejection {
        VerificationKey holderKey;
        try {
            holderKey = PublicKeys.fromCoseKey(claims.holderKey(), Reason.BAD_HOLDER_SIGNATURE);
        } catch (Rejection e) {
            throw new Rejection(Reason.BAD_HOLDER_SIGNATURE, "holder key unusable: " + e.detail());
        }
        if (holderKey.algorithm() != CoseAlgorithm.ES256
                || !holderKey.verify(envelope.presentation().toBeSigned(PRESENTATION_AAD),
                envelope.presentation().signature())) {
            throw new Rejection(Reason.BAD_HOLDER_SIGNATURE, "holder signature does not verify with the cnf key");
        }
    }

    /** Returns when the (cti, nonce) pair may be forgotten by the replay guard. */
    private Instant checkFreshness(PresentationClaims claims, Channel channel, byte[] challenge, Instant now)
            throws Rejection {
        Instant issuedAt = Instant.ofEpochSecond(claims.issuedAt());
        if (channel == Channel.NFC) {
            if (claims.channel() != PresentationClaims.CHANNEL_NFC) {
                throw new Rejection(Reason.CHALLENGE_MISMATCH, "a QR presentation was read over NFC");
            }
            if (challenge == null || !MessageDigest.isEqual(challenge, claims.nonce())) {
                throw new Rejection(Reason.CHALLENGE_MISMATCH, "nonce is not this session's challenge");
            }
            if (Duration.between(issuedAt, now).abs().compareTo(policy.nfcWindow()) > 0) {
                throw new Rejection(Reason.STALE, "NFC presentation iat outside the window");
            }
            return issuedAt.plus(policy.nfcWindow());
        }
        if (claims.channel() != PresentationClaims.CHANNEL_QR) {
            // An NFC presentation carries a terminal's challenge: shown as a QR it is out of its session.
            throw new Rejection(Reason.CHALLENGE_MISMATCH, "an NFC presentation was shown as text");
        }
        if (issuedAt.isBefore(now.minus(policy.qrMaxAge())) || issuedAt.isAfter(now.plus(policy.qrMaxFuture()))) {
            throw new Rejection(Reason.STALE, "QR presentation iat outside the freshness window");
        }
        return issuedAt.plus(policy.qrMaxAge());
    }

    private static List<Beneficiary> checkDisclosures(PresentationClaims presentation, CredentialClaims credential)
            throws Rejection {
        Set<ByteBuffer> signedDigests = new HashSet<>();
        for (byte[] digest : credential.beneficiaryDigests()) {
            signedDigests.add(ByteBuffer.wrap(digest));
        }
        Set<ByteBuffer> seen = new HashSet<>();
        List<Beneficiary> beneficiaries = new ArrayList<>(presentation.disclosures().size());
        for (byte[] disclosure : presentation.disclosures()) {
            // The digest covers the bytes exactly as received: re-encoding could hide a change.
            ByteBuffer digest = ByteBuffer.wrap(Digests.sha256(disclosure));
            if (!signedDigests.contains(digest)) {
                throw new Rejection(Reason.DISCLOSURE_INVALID, "disclosure digest not in the credential");
            }
            if (!seen.add(digest)) {
                throw new Rejection(Reason.DISCLOSURE_INVALID, "the same disclosure twice");
            }
            beneficiaries.add(DisclosureReader.read(disclosure));
        }
        return beneficiaries;
    }
}
