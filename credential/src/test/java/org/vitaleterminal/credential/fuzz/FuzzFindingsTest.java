package org.vitaleterminal.credential.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.cbor.CborFields;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustListProblem;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.issuer.CredentialClaims;
import org.vitaleterminal.sim.issuer.MintedCredential;
import org.vitaleterminal.sim.trust.TrustListContent;
import org.vitaleterminal.sim.wallet.PresentationChannel;
import org.vitaleterminal.sim.wallet.PresentationClaims;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * What fuzzing found, as plain tests (the crashing inputs themselves are replayed from
 * {@code src/test/resources/.../*FuzzTestInputs/}).
 *
 * <p><b>Times outside {@link Instant}'s range.</b> The CDDL types every time as {@code int}, and
 * the decoders took any 64-bit value; the verifiers then called {@code Instant.ofEpochSecond},
 * which throws {@code DateTimeException} beyond about ±10<sup>9</sup> years. A trust list signed
 * with such an {@code iat}, {@code exp} or key validity made {@code TrustListReader.read} throw
 * it (its contract: only {@code TrustListException}); a presentation {@code iat} (which any
 * wallet signs with its own key) or a credential {@code exp}, {@code nbf}, {@code iat} or
 * delegation end did the same inside the VT1 verifier, whose fail-closed catch turned it into
 * {@code FORMAT} "internal error while decoding". (A list whose {@code exp} was representable but
 * within the grace of the limit would have made every later verification throw from the
 * staleness check.) Times are now read as years 1..9999 ({@link CborFields#time}), like HC1's,
 * and anything else is a {@code FORMAT} refusal.
 */
class FuzzFindingsTest {
    private static final FuzzFixture FIXTURE = FuzzFixture.get();
    private static final SampleWorld WORLD = FIXTURE.world();

    @Test
    void trustListTimesOutsideYears1To9999AreMalformed() {
        for (long key : new long[] {TrustListContent.IAT, TrustListContent.EXP}) {
            for (long time : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Instant.MAX.getEpochSecond(),
                    CborFields.LATEST_TIME + 1, CborFields.EARLIEST_TIME - 1}) {
                CborMapBuilder claims = WORLD.trustListContent().toClaims(SampleWorld.AUTHORITY_ID)
                        .put(key, Cbor.integer(time));
                assertMalformed(WORLD.authority().signClaims(claims));
            }
        }
    }

    @Test
    void issuerKeyValidityOutsideYears1To9999IsMalformed() {
        for (long field : new long[] {5, 6}) { // valid from, valid until
            CborMapBuilder claims = WORLD.trustListContent().toClaims(SampleWorld.AUTHORITY_ID);
            var firstKey = (org.vitaleterminal.sim.cbor.CborArray) claims.get(TrustListContent.ISSUER_KEYS);
            CborMapBuilder record = (CborMapBuilder) firstKey.items().get(0);
            record.put(field, Cbor.integer(field == 5 ? Long.MIN_VALUE : Long.MAX_VALUE));
            assertMalformed(WORLD.authority().signClaims(claims));
        }
    }

    @Test
    void presentationIatOutsideYears1To9999IsFormat() {
        Wallet wallet = WORLD.singleAdult();
        for (long iat : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, CborFields.LATEST_TIME + 1}) {
            CborMapBuilder claims = wallet.claims(FuzzFixture.NOW, FuzzFixture.CHALLENGE, PresentationChannel.NFC, 0)
                    .toMap().put(PresentationClaims.IAT, Cbor.integer(iat));
            assertFormat(wallet.signPresentation(claims));
        }
    }

    @Test
    void credentialTimesOutsideYears1To9999AreFormat() {
        MintedCredential minted = WORLD.singleAdult().credential();
        for (long key : new long[] {CredentialClaims.EXP, CredentialClaims.NBF, CredentialClaims.IAT}) {
            // the value the fuzzer found for exp, and the extremes
            for (long time : new long[] {4_705_422_452_113_432_120L, Long.MIN_VALUE, CborFields.LATEST_TIME + 1}) {
                CborMapBuilder claims = minted.claims().put(key, Cbor.integer(time));
                Wallet wallet = new Wallet(minted.withCredential(WORLD.cnam().signCredential(claims)));
                assertFormat(wallet.presentNfc(FuzzFixture.CHALLENGE, FuzzFixture.NOW, 0));
            }
        }
    }

    @Test
    void delegationEndOutsideYears1To9999IsFormat() {
        MintedCredential minted = WORLD.delegated().credential();
        CborMapBuilder claims = minted.claims();
        claims.mapAt(CredentialClaims.VITALE_DATA).mapAt(CredentialClaims.DATA_DELEGATION).put(2, Cbor.integer(Long.MAX_VALUE));
        Wallet wallet = new Wallet(minted.withCredential(WORLD.cnam().signCredential(claims)));
        assertFormat(wallet.presentNfc(FuzzFixture.CHALLENGE, FuzzFixture.NOW, 0));
    }

    @Test
    void theLastSecondOfYear9999IsStillATime() {
        // Inside the range the ordinary checks decide: this exp lies beyond the issuer key's validity.
        MintedCredential minted = WORLD.singleAdult().credential();
        CborMapBuilder claims = minted.claims().put(CredentialClaims.EXP, Cbor.integer(CborFields.LATEST_TIME));
        Wallet wallet = new Wallet(minted.withCredential(WORLD.cnam().signCredential(claims)));
        VerificationResult result = verifyNfc(wallet.presentNfc(FuzzFixture.CHALLENGE, FuzzFixture.NOW, 0));
        assertEquals(Reason.KEY_NOT_VALID, result.reason(), result::toString);
    }

    private static void assertMalformed(byte[] list) {
        TrustListException refused = assertThrows(TrustListException.class, () -> TrustListReader.read(list, FIXTURE.roots()));
        assertEquals(TrustListProblem.MALFORMED, refused.problem(), refused::getMessage);
    }

    private static void assertFormat(byte[] presentation) {
        VerificationResult result = verifyNfc(presentation);
        assertEquals(Reason.FORMAT, result.reason(), result::toString);
    }

    private static VerificationResult verifyNfc(byte[] presentation) {
        return FuzzFixture.requireWellFormed(
                FIXTURE.verifier().verifyNfc(presentation, FuzzFixture.CHALLENGE, FIXTURE.state()), "verifyNfc");
    }
}
