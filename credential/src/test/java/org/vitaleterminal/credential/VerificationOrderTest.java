package org.vitaleterminal.credential;

import static org.vitaleterminal.credential.Vt1Fixture.NOW;
import static org.vitaleterminal.credential.Vt1Fixture.WORLD;
import static org.vitaleterminal.credential.Vt1Fixture.assertAccepted;
import static org.vitaleterminal.credential.Vt1Fixture.assertReason;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vitaleterminal.credential.vt1.ReplayGuard;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cose.CoseHeaders;
import org.vitaleterminal.sim.cose.SignatureTweaks;
import org.vitaleterminal.sim.data.InsuredSpec;
import org.vitaleterminal.sim.issuer.CredentialClaims;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.wallet.PresentationClaims;
import org.vitaleterminal.sim.wallet.Wallet;

/**
 * Spec §4: the checks run in a fixed order and the first failing one decides. Each test puts two
 * faults in one input and asserts that the earlier step's reason wins (and, where it helps, that
 * the later fault alone gives its own reason, so the test shows the order and not a blind spot).
 */
@ExtendWith(ReasonLedger.class)
class VerificationOrderTest {
    private static final Wallet MARIE = WORLD.singleAdult();

    private final Vt1Fixture fx = Vt1Fixture.create();

    private static long epoch(Instant instant) {
        return instant.getEpochSecond();
    }

    /** A replay memory that has "seen" everything: whatever reaches step 8 is REPLAYED. */
    private static final ReplayGuard SEEN_EVERYTHING = new ReplayGuard() {
        @Override
        public boolean wasAccepted(byte[] credentialId, byte[] nonce, Instant now) {
            return true;
        }

        @Override
        public void recordAccepted(byte[] credentialId, byte[] nonce, Instant forgetAfter) {
            throw new AssertionError("nothing may be accepted");
        }
    };

    // ---- step 0 ----

    @Test
    @Covers(Reason.CLOCK_UNTRUSTED)
    void anUntrustedClockBeatsEverything() {
        Vt1Fixture worst = fx.withUntrustedClock().withTrustList(null);
        assertReason(Reason.CLOCK_UNTRUSTED, worst.qr("VT1:not base45 at all!"));
        assertReason(Reason.CLOCK_UNTRUSTED, worst.qr("VT1:" + "0".repeat(5000)));
        assertReason(Reason.CLOCK_UNTRUSTED, worst.nfc(new byte[5000], new byte[16]));
        Instant stale = Vt1Fixture.TRUST_LIST.expiresAt().plus(Duration.ofDays(30));
        assertReason(Reason.CLOCK_UNTRUSTED, fx.withUntrustedClock().qrAt(fx.present(MARIE).at(stale).qr(), stale));
    }

    @Test
    @Covers({Reason.TRUST_LIST_MISSING, Reason.FORMAT, Reason.TOO_LARGE})
    void aMissingTrustListBeatsFormatAndSizeOfVt1Payloads() {
        Vt1Fixture none = fx.withTrustList(null);
        assertReason(Reason.TRUST_LIST_MISSING, none.qr("VT1:not base45 at all!"));
        assertReason(Reason.TRUST_LIST_MISSING, none.qr("VT1:" + "0".repeat(5000)));
        assertReason(Reason.TRUST_LIST_MISSING, none.nfc(new byte[5000], new byte[16]));
        assertReason(Reason.TRUST_LIST_MISSING, none.nfc(new byte[] {1, 2, 3}, new byte[16]));
        // with a list, the same inputs get their own reasons
        assertReason(Reason.FORMAT, fx.qr("VT1:not base45 at all!"));
        assertReason(Reason.TOO_LARGE, fx.qr("VT1:" + "0".repeat(5000)));
        // decision 12: the VT1 trust list plays no part for a text that is not VT1
        assertReason(Reason.FORMAT, none.qr("not a credential"));
    }

    @Test
    @Covers(Reason.TRUST_LIST_STALE)
    void aStaleTrustListBeatsFormatAndSize() {
        Instant stale = Vt1Fixture.TRUST_LIST.expiresAt().plus(Duration.ofHours(73));
        assertReason(Reason.TRUST_LIST_STALE, fx.qrAt("VT1:not base45 at all!", stale));
        assertReason(Reason.TRUST_LIST_STALE, fx.qrAt("VT1:" + "0".repeat(5000), stale));
    }

    // ---- steps 1 to 3 ----

    @Test
    @Covers({Reason.TOO_LARGE, Reason.FORMAT})
    void sizeIsCheckedBeforeDecoding() {
        String bad = "VT1:" + "a".repeat(4093);
        assertReason(Reason.TOO_LARGE, fx.qr(bad));
        assertReason(Reason.FORMAT, fx.qr(bad.substring(0, 4096)));
    }

    @Test
    @Covers({Reason.UNSUPPORTED_ALG, Reason.UNKNOWN_KEY})
    void anUnsupportedIssuerAlgBeatsAnUnknownKid() {
        SimKeyPair stranger = Vt1Fixture.strangerKey(11);
        assertReason(Reason.UNSUPPORTED_ALG, fx.qr(fx.present(MARIE).credentialEnvelope(
                b -> b.signer(stranger).protectedHeader(CoseHeaders.algAndKid(-35, stranger.kid()))).qr()));
        assertReason(Reason.UNKNOWN_KEY, fx.qr(fx.present(MARIE).credentialEnvelope(
                b -> b.signer(stranger).protectedHeader(CoseHeaders.algAndKid(-7, stranger.kid()))).qr()));
    }

    @Test
    @Covers(Reason.FORMAT)
    void aWrongSignatureLengthBeatsAnUnknownKid() {
        SimKeyPair stranger = Vt1Fixture.strangerKey(12);
        assertReason(Reason.FORMAT, "64 bytes", fx.qr(fx.present(MARIE).credentialEnvelope(
                b -> b.signer(stranger).protectedHeader(CoseHeaders.algAndKid(-7, stranger.kid()))
                        .changeSignature(SignatureTweaks.appendZeroByte())).qr()));
    }

    @Test
    @Covers(Reason.FORMAT)
    void malformedPresentationClaimsAreFormatWhateverTheHolderSignature() {
        // decision 3: the presentation claims must be read to find the credential
        assertReason(Reason.FORMAT, fx.qr(fx.present(MARIE).holderKey(Vt1Fixture.strangerKey(13))
                .presentationClaims(c -> c.remove(PresentationClaims.IAT)).qr()));
    }

    // ---- step 4 against later steps ----

    @Test
    @Covers({Reason.UNKNOWN_KEY, Reason.BAD_HOLDER_SIGNATURE})
    void anUnknownKidBeatsABadHolderSignature() {
        SimKeyPair stranger = Vt1Fixture.strangerKey(14);
        assertReason(Reason.UNKNOWN_KEY, fx.qr(fx.present(MARIE).holderKey(Vt1Fixture.strangerKey(15))
                .credentialEnvelope(b -> b.signer(stranger).protectedHeader(CoseHeaders.algAndKid(-7, stranger.kid())))
                .qr()));
        assertReason(Reason.BAD_HOLDER_SIGNATURE, fx.qr(fx.present(MARIE).holderKey(Vt1Fixture.strangerKey(15)).qr()));
    }

    @Test
    @Covers({Reason.BAD_SIGNATURE, Reason.EXPIRED})
    void aBadIssuerSignatureBeatsExpiry() {
        Wallet expired = WORLD.expired();
        assertReason(Reason.BAD_SIGNATURE, fx.qr(fx.present(expired)
                .credentialEnvelope(b -> b.changeSignature(SignatureTweaks.flipBit(3))).qr()));
        assertReason(Reason.EXPIRED, fx.qr(fx.present(expired).qr()));
    }

    @Test
    @Covers({Reason.BAD_SIGNATURE, Reason.FORMAT})
    void aBadIssuerSignatureBeatsMalformedCredentialClaims() {
        // decision 3: the credential's claims are decoded only once its signature has verified
        assertReason(Reason.BAD_SIGNATURE, fx.qr(fx.present(MARIE)
                .credentialClaims(c -> c.put(2, Cbor.text("unknown claim")).put(CredentialClaims.EXP, Cbor.float64(1.5e9)))
                .credentialEnvelope(b -> b.changeSignature(SignatureTweaks.flipBit(3))).qr()));
        assertReason(Reason.FORMAT, fx.qr(fx.present(MARIE)
                .credentialClaims(c -> c.put(2, Cbor.text("unknown claim"))).qr()));
    }

    @Test
    @Covers(Reason.BAD_SIGNATURE)
    void aBadIssuerSignatureBeatsEverythingAfterIt() {
        Wallet revoked = WORLD.revoked();
        assertReason(Reason.BAD_SIGNATURE, fx.qr(fx.present(revoked).at(NOW.minus(Duration.ofHours(1)))
                .holderKey(Vt1Fixture.strangerKey(16))
                .credentialEnvelope(b -> b.changeSignature(SignatureTweaks.flipBit(3))).qr()));
    }

    // ---- within step 5 ----

    @Test
    @Covers({Reason.KEY_NOT_VALID, Reason.EXPIRED})
    void aKeyNotValidForTheIssuerBeatsExpiry() {
        assertReason(Reason.KEY_NOT_VALID, fx.qr(fx.present(WORLD.expired())
                .credentialClaims(c -> c.put(CredentialClaims.ISS, Cbor.text("FR-MSA"))).qr()));
        assertReason(Reason.EXPIRED, fx.qr(fx.present(WORLD.expired()).qr()));
    }

    @Test
    @Covers(Reason.NOT_YET_VALID)
    void notYetValidBeatsExpired() {
        assertReason(Reason.NOT_YET_VALID, fx.qr(fx.present(MARIE).credentialClaims(c -> c
                .put(CredentialClaims.NBF, Cbor.integer(epoch(NOW.plus(Duration.ofDays(1)))))
                .put(CredentialClaims.EXP, Cbor.integer(epoch(NOW.minusSeconds(10))))).qr()));
    }

    @Test
    @Covers({Reason.EXPIRED, Reason.REVOKED})
    void expiredBeatsRevoked() {
        Wallet revoked = WORLD.revoked();
        assertReason(Reason.EXPIRED, fx.qr(fx.present(revoked)
                .credentialClaims(c -> c.put(CredentialClaims.EXP, Cbor.integer(epoch(NOW.minusSeconds(1))))).qr()));
        assertReason(Reason.REVOKED, fx.qr(fx.present(revoked).qr()));
    }

    @Test
    @Covers({Reason.REVOKED, Reason.DEMO_NOT_ALLOWED})
    void revokedBeatsDemoNotAllowed() {
        Wallet demo = WORLD.demo();
        Vt1Fixture revoking = fx.withTrustList(Vt1Fixture.trustList(
                Vt1Fixture.listContent().revoke(demo.credential().cti(), demo.credential().expiresAt())));
        assertReason(Reason.REVOKED, revoking.qr(revoking.present(demo).qr()));
        assertReason(Reason.DEMO_NOT_ALLOWED, fx.qr(fx.present(demo).qr()));
    }

    // ---- steps 5 to 7 ----

    @Test
    @Covers(Reason.REVOKED)
    void revokedBeatsABadHolderSignature() {
        assertReason(Reason.REVOKED, fx.qr(fx.present(WORLD.revoked()).holderKey(Vt1Fixture.strangerKey(17)).qr()));
    }

    @Test
    @Covers(Reason.DEMO_NOT_ALLOWED)
    void demoNotAllowedBeatsABadHolderSignature() {
        assertReason(Reason.DEMO_NOT_ALLOWED, fx.qr(fx.present(WORLD.demo()).holderKey(Vt1Fixture.strangerKey(18)).qr()));
    }

    @Test
    @Covers(Reason.BAD_HOLDER_SIGNATURE)
    void aBadHolderSignatureBeatsStaleAndChannel() {
        assertReason(Reason.BAD_HOLDER_SIGNATURE, fx.qr(fx.present(MARIE).holderKey(Vt1Fixture.strangerKey(19))
                .at(NOW.minus(Duration.ofHours(2))).qr()));
        assertReason(Reason.BAD_HOLDER_SIGNATURE, fx.qr(fx.present(MARIE).holderKey(Vt1Fixture.strangerKey(19))
                .forNfc(fx.nonce()).qr()));
        byte[] challenge = fx.nonce();
        assertReason(Reason.BAD_HOLDER_SIGNATURE, fx.nfc(fx.present(MARIE).holderKey(Vt1Fixture.strangerKey(19))
                .forNfc(fx.nonce()).bytes(), challenge));
    }

    @Test
    @Covers(Reason.CHALLENGE_MISMATCH)
    void theChannelIsCheckedBeforeTheWindow() {
        // docs step 7: "the channel claim matches how the presentation arrived" comes first
        assertReason(Reason.CHALLENGE_MISMATCH, fx.qr(fx.present(MARIE).forNfc(fx.nonce())
                .at(NOW.minus(Duration.ofHours(2))).qr()));
        byte[] challenge = fx.nonce();
        assertReason(Reason.CHALLENGE_MISMATCH, fx.nfc(fx.present(MARIE).nonce(challenge)
                .at(NOW.minus(Duration.ofHours(2))).bytes(), challenge));
    }

    // ---- steps 7 to 10 ----

    @Test
    @Covers({Reason.STALE, Reason.REPLAYED})
    void staleBeatsReplayed() {
        Vt1Fixture seen = fx.withReplayGuard(SEEN_EVERYTHING);
        assertReason(Reason.REPLAYED, seen.qr(seen.present(MARIE).qr()));
        assertReason(Reason.STALE, seen.qr(seen.present(MARIE).at(NOW.minusSeconds(121)).qr()));
        byte[] challenge = seen.nonce();
        assertReason(Reason.STALE, seen.nfc(seen.present(MARIE).forNfc(challenge).at(NOW.minusSeconds(301)).bytes(), challenge));
    }

    @Test
    @Covers(Reason.CHALLENGE_MISMATCH)
    void challengeMismatchBeatsReplayed() {
        Vt1Fixture seen = fx.withReplayGuard(SEEN_EVERYTHING);
        byte[] challenge = seen.nonce();
        assertReason(Reason.CHALLENGE_MISMATCH, seen.nfc(seen.present(MARIE).forNfc(seen.nonce()).bytes(), challenge));
    }

    @Test
    @Covers({Reason.OK, Reason.REPLAYED, Reason.DISCLOSURE_INVALID})
    void replayedBeatsDisclosureInvalid() {
        byte[] nonce = fx.nonce();
        assertAccepted(fx.qr(fx.present(MARIE).nonce(nonce).qr()));
        byte[] foreign = WORLD.family().credential().disclosure(0);
        assertReason(Reason.REPLAYED, fx.qr(fx.present(MARIE).nonce(nonce).discloseBytes(foreign).qr()));
        assertReason(Reason.REPLAYED, fx.qr(fx.present(MARIE).nonce(nonce).disclose(0, 0).qr()));
        assertReason(Reason.DISCLOSURE_INVALID, fx.qr(fx.present(MARIE).discloseBytes(foreign).qr()));
    }

    @Test
    @Covers({Reason.REPLAYED, Reason.INVALID_DATA})
    void replayedBeatsInvalidData() {
        Vt1Fixture seen = fx.withReplayGuard(SEEN_EVERYTHING);
        Vt1Fixture.Presentation badKey = seen.present(MARIE).insured(i -> i.put(InsuredSpec.NIR_KEY, Cbor.integer(1)));
        assertReason(Reason.REPLAYED, seen.qr(badKey.qr()));
        assertReason(Reason.INVALID_DATA, fx.qr(fx.present(MARIE).insured(i -> i.put(InsuredSpec.NIR_KEY, Cbor.integer(1))).qr()));
    }

    @Test
    @Covers({Reason.DISCLOSURE_INVALID, Reason.INVALID_DATA})
    void disclosureInvalidBeatsInvalidData() {
        byte[] foreign = WORLD.family().credential().disclosure(0);
        assertReason(Reason.DISCLOSURE_INVALID, fx.qr(fx.present(MARIE)
                .insured(i -> i.put(InsuredSpec.NIR_KEY, Cbor.integer(1))).discloseBytes(foreign).qr()));
        assertReason(Reason.INVALID_DATA, fx.qr(fx.present(MARIE)
                .insured(i -> i.put(InsuredSpec.NIR_KEY, Cbor.integer(1))).qr()));
    }

    @Test
    @Covers({Reason.DISCLOSURE_INVALID, Reason.OK})
    void aRejectedPresentationIsNotRemembered() {
        byte[] nonce = fx.nonce();
        assertReason(Reason.DISCLOSURE_INVALID, fx.qr(fx.present(MARIE).nonce(nonce).disclose(0, 0).qr()));
        assertAccepted(fx.qr(fx.present(MARIE).nonce(nonce).qr()));
    }
}
