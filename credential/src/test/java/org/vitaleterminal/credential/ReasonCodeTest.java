package org.vitaleterminal.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitaleterminal.credential.Vt1Fixture.NOW;
import static org.vitaleterminal.credential.Vt1Fixture.WORLD;
import static org.vitaleterminal.credential.Vt1Fixture.assertAccepted;
import static org.vitaleterminal.credential.Vt1Fixture.assertCase;
import static org.vitaleterminal.credential.Vt1Fixture.assertReason;
import static org.vitaleterminal.credential.Vt1Fixture.disclosureOf;
import static org.vitaleterminal.credential.Vt1Fixture.marie;
import static org.vitaleterminal.credential.Vt1Fixture.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vitaleterminal.credential.Vt1Fixture.Case;
import org.vitaleterminal.credential.vt1.VerifiedPresentation;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.codec.Base45Encoder;
import org.vitaleterminal.sim.codec.Vt1QrText;
import org.vitaleterminal.sim.codec.Zlib;
import org.vitaleterminal.sim.cose.CoseHeaders;
import org.vitaleterminal.sim.cose.SignatureTweaks;
import org.vitaleterminal.sim.cose.Vt1ExternalAad;
import org.vitaleterminal.sim.data.Amc;
import org.vitaleterminal.sim.data.BeneficiarySpec;
import org.vitaleterminal.sim.data.CertifiedNir;
import org.vitaleterminal.sim.data.Coverage;
import org.vitaleterminal.sim.data.DatePeriod;
import org.vitaleterminal.sim.data.Ins;
import org.vitaleterminal.sim.data.InsuredSpec;
import org.vitaleterminal.sim.data.Organisme;
import org.vitaleterminal.sim.issuer.CredentialClaims;
import org.vitaleterminal.sim.issuer.Delegation;
import org.vitaleterminal.sim.issuer.Disclosure;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.trust.TrustListContent;
import org.vitaleterminal.sim.wallet.PresentationChannel;
import org.vitaleterminal.sim.wallet.PresentationClaims;
import org.vitaleterminal.sim.wallet.Wallet;

/**
 * One group per reason code of spec §5, each trigger of a code its own test or case: every
 * presentation is minted by the sim and run through {@link CredentialVerifier}, and the exact
 * reason is asserted. {@link Covers} registers which test produces which code.
 */
@ExtendWith(ReasonLedger.class)
class ReasonCodeTest {
    static final Wallet MARIE = WORLD.singleAdult();
    static final Instant KEYS_FROM = WORLD.cnam().keyEntry().validFrom();
    static final Instant KEYS_UNTIL = WORLD.cnam().keyEntry().validUntil();

    private final Vt1Fixture fx = Vt1Fixture.create();

    private static long epoch(Instant instant) {
        return instant.getEpochSecond();
    }

    /** Marie's credential listing only a disclosure of this beneficiary item, presented over QR. */
    static VerificationResult withBeneficiary(Vt1Fixture fx, org.vitaleterminal.sim.cbor.CborValue beneficiary) {
        return fx.qr(fx.present(MARIE).listAndDisclose(disclosureOf(beneficiary)).qr());
    }

    static VerificationResult withBeneficiary(Vt1Fixture fx, BeneficiarySpec beneficiary) {
        return withBeneficiary(fx, beneficiary.toCbor());
    }

    /** Marie's beneficiary map, edited as CBOR. */
    static VerificationResult withBeneficiaryMap(Vt1Fixture fx, Consumer<CborMapBuilder> edit) {
        CborMapBuilder map = marie().build().toCbor();
        edit.accept(map);
        return withBeneficiary(fx, map);
    }

    @Nested
    class Ok {
        @Test
        @Covers(Reason.OK)
        void aFreshQrPresentationIsAccepted() {
            VerifiedPresentation accepted = assertAccepted(fx.qr(fx.present(MARIE).qr()));
            assertEquals(Channel.QR, accepted.channel());
            assertArrayEquals(MARIE.credential().cti(), accepted.credential().id());
        }

        @Test
        @Covers(Reason.OK)
        void theSimWalletsOwnQrTextIsAccepted() {
            String text = MARIE.presentQr(NOW, SimRandom.seeded(99), 0);
            assertTrue(text.startsWith("VT1:"));
            assertEquals(1, assertAccepted(fx.qr(text)).beneficiaries().size());
        }
    }

    @Nested
    class Format {
        static Stream<Case> cases() {
            byte[] presentation = Vt1Fixture.create().present(MARIE).bytes();
            String text = Vt1QrText.of(presentation);
            return Stream.of(
                    when("foreign text (no VT1:/HC1: prefix)", fx -> fx.qr("https://example.org/?q=1")),
                    when("lower-case prefix", fx -> fx.qr("vt1:" + text.substring(4))),
                    when("lower-case Base45", "base45", fx -> fx.qr("VT1:" + text.substring(4).toLowerCase())),
                    when("Base45 line break inside", "base45", fx -> fx.qr(text.substring(0, 40) + "\n" + text.substring(40))),
                    when("Base45 dangling single character", "base45", fx -> fx.qr(text + "0")),
                    when("empty after the prefix", "zlib", fx -> fx.qr("VT1:")),
                    when("zlib left out", "zlib", fx -> fx.qr("VT1:" + Base45Encoder.encode(presentation))),
                    when("zlib stream truncated", "zlib", fx -> {
                        byte[] zlib = Zlib.compress(presentation);
                        return fx.qr("VT1:" + Base45Encoder.encode(Arrays.copyOf(zlib, zlib.length - 5)));
                    }),
                    when("not CBOR inside zlib", "cbor", fx -> fx.qrBytes(new byte[] {(byte) 0xFF, 0x00, 0x01})),
                    when("presentation is a map, not COSE_Sign1", fx -> fx.qrBytes(Cbor.tag(18, Cbor.map()).encode())),
                    when("COSE_Sign1 of 3 elements", "four-element", fx -> fx.qrBytes(
                            Cbor.tag(18, Cbor.array(Cbor.bytes(new byte[] {(byte) 0xA1, 1, 0x26}), Cbor.map(),
                                    Cbor.bytes(new byte[1]))).encode())),
                    when("presentation claims miss the nonce", "missing key 3",
                            fx -> fx.qr(fx.present(MARIE).presentationClaims(c -> c.remove(PresentationClaims.NONCE)).qr())),
                    when("nonce of 15 bytes", "key 3",
                            fx -> fx.qr(fx.present(MARIE).nonce(new byte[15]).qr())),
                    when("channel 3", "key 4", fx -> fx.qr(fx.present(MARIE).channel(3).qr())),
                    when("unknown presentation claim 6", "unexpected key",
                            fx -> fx.qr(fx.present(MARIE).presentationClaims(c -> c.put(6, Cbor.integer(0))).qr())),
                    when("no disclosure", "disclosures",
                            fx -> fx.qr(fx.present(MARIE).presentationClaims(
                                    c -> c.put(PresentationClaims.DISCLOSURES, Cbor.array())).qr())),
                    when("17 disclosures", "disclosures",
                            fx -> fx.qr(fx.present(MARIE).discloseBytes(IntStream.range(0, 17)
                                    .mapToObj(i -> MARIE.credential().disclosure(0)).toArray(byte[][]::new)).qr())),
                    when("a disclosure that is not a byte string", "disclosure",
                            fx -> fx.qr(fx.present(MARIE).presentationClaims(c -> c.put(PresentationClaims.DISCLOSURES,
                                    Cbor.array(marie().build().toCbor()))).qr())),
                    when("claim 1 is not a COSE_Sign1", "credential",
                            fx -> fx.qr(fx.present(MARIE).credentialBytes(new byte[] {1, 2, 3}).qr())),
                    when("unknown credential claim 2 (signed)", "unexpected key",
                            fx -> fx.qr(fx.present(MARIE).credentialClaims(c -> c.put(2, Cbor.text("sub"))).qr())),
                    when("credential claims miss the cti (signed)", "missing key 7",
                            fx -> fx.qr(fx.present(MARIE).credentialClaims(c -> c.remove(CredentialClaims.CTI)).qr())),
                    when("cti of 15 bytes (signed)", "key 7",
                            fx -> fx.qr(fx.present(MARIE).credentialClaims(
                                    c -> c.put(CredentialClaims.CTI, Cbor.bytes(new byte[15]))).qr())),
                    when("iss is not text (signed)", "key 1",
                            fx -> fx.qr(fx.present(MARIE).credentialClaims(
                                    c -> c.put(CredentialClaims.ISS, Cbor.integer(1))).qr())),
                    when("vitale data version 2 (signed)", "version",
                            fx -> fx.qr(fx.present(MARIE).vitaleData(
                                    d -> d.put(CredentialClaims.DATA_VERSION, Cbor.integer(2))).qr())),
                    when("demo flag false instead of absent (signed)", "key 5",
                            fx -> fx.qr(fx.present(MARIE).vitaleData(
                                    d -> d.put(CredentialClaims.DATA_DEMO, Cbor.bool(false))).qr())),
                    when("insured NIR of 12 characters (signed)", "key 1",
                            fx -> fx.qr(fx.present(MARIE).insured(
                                    i -> i.put(InsuredSpec.NIR, Cbor.text("285037511412"))).qr())),
                    when("negative insured NIR key (signed)", "key 2",
                            fx -> fx.qr(fx.present(MARIE).insured(
                                    i -> i.put(InsuredSpec.NIR_KEY, Cbor.integer(-20))).qr())),
                    when("organisme caisse of 2 characters (signed)", "key 2",
                            fx -> fx.qr(fx.present(MARIE).insured(i -> i.mapAt(InsuredSpec.ORGANISME)
                                    .put(Organisme.CAISSE, Cbor.text("75"))).qr())),
                    when("organisme régime of 2 characters but 4 bytes (signed)", "key 1",
                            fx -> fx.qr(fx.present(MARIE).insured(i -> i.mapAt(InsuredSpec.ORGANISME)
                                    .put(Organisme.REGIME, Cbor.text("éé"))).qr())),
                    when("unknown key in the organisme (signed)", "unexpected key",
                            fx -> fx.qr(fx.present(MARIE).insured(i -> i.mapAt(InsuredSpec.ORGANISME)
                                    .put(5, Cbor.text("x"))).qr())),
                    when("no beneficiary digest (signed)", "digests",
                            fx -> fx.qr(fx.present(MARIE).vitaleData(
                                    d -> d.put(CredentialClaims.DATA_DIGESTS, Cbor.array())).qr())),
                    when("17 beneficiary digests (signed)", "digests",
                            fx -> fx.qr(fx.present(MARIE).vitaleData(d -> d.put(CredentialClaims.DATA_DIGESTS,
                                    Cbor.array(IntStream.range(0, 17).mapToObj(i -> Cbor.bytes(new byte[32])).toList()))).qr())),
                    when("a digest of 31 bytes (signed)", "32 bytes",
                            fx -> fx.qr(fx.present(MARIE).vitaleData(d -> d.put(CredentialClaims.DATA_DIGESTS,
                                    Cbor.array(Cbor.bytes(new byte[31])))).qr())),
                    when("delegation without a name (signed)", "delegation",
                            fx -> fx.qr(fx.present(MARIE).vitaleData(d -> d.put(CredentialClaims.DATA_DELEGATION,
                                    Cbor.map().put(Delegation.UNTIL, Cbor.integer(epoch(NOW.plusSeconds(3600)))))).qr())),
                    when("cnf with a second label (signed)", "cnf",
                            fx -> fx.qr(fx.present(MARIE).credentialClaims(c -> c.mapAt(CredentialClaims.CNF)
                                    .put(2, Cbor.integer(1))).qr())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        @Covers(Reason.FORMAT)
        void malformedPayloadsAreFormat(Case c) {
            assertCase(Reason.FORMAT, c);
        }

        /** The cnf key must be the CDDL's EC2 P-256 COSE_Key: holders sign with ES256 only. */
        @Test
        @Covers(Reason.FORMAT)
        void unknownLabelInTheCnfCoseKeyIsFormat() {
            assertReason(Reason.FORMAT, fx.qr(fx.present(MARIE).credentialClaims(c -> c.mapAt(CredentialClaims.CNF)
                    .mapAt(CredentialClaims.CNF_COSE_KEY).put(2, Cbor.bytes(new byte[8]))).qr()));
        }

        @Test
        @Covers(Reason.FORMAT)
        void anEd25519HolderKeyIsNotTheCddlKeyType() {
            SimKeyPair ed = SimKeyPair.ed25519(SimRandom.seeded(4));
            assertReason(Reason.FORMAT, fx.qr(fx.present(MARIE).holderKey(ed).credentialClaims(c -> c.put(CredentialClaims.CNF,
                    Cbor.map().put(CredentialClaims.CNF_COSE_KEY, ed.coseKey()))).qr()));
        }

        @Test
        @Covers(Reason.FORMAT)
        void foreignTextsAreFormatWithTheirOwnPayloadFormat() {
            VerificationResult.Rejected rejected = assertReason(Reason.FORMAT, fx.qr("4006381333931"));
            assertEquals(PayloadFormat.UNKNOWN, rejected.format());
        }
    }

    @Nested
    class TooLarge {
        @Test
        @Covers(Reason.TOO_LARGE)
        void qrTextOver4096Characters() {
            String text = "VT1:" + "0".repeat(4093);
            assertEquals(4097, text.length());
            assertReason(Reason.TOO_LARGE, fx.qr(text));
            assertReason(Reason.TOO_LARGE, fx.wedge(text));
        }

        @Test
        @Covers(Reason.FORMAT)
        void qrTextOfExactly4096CharactersIsNotTooLarge() {
            String text = "VT1:" + "0".repeat(4092);
            assertEquals(4096, text.length());
            assertReason(Reason.FORMAT, fx.qr(text));
        }

        @Test
        @Covers(Reason.TOO_LARGE)
        void foreignTextOver4096Characters() {
            VerificationResult.Rejected rejected = assertReason(Reason.TOO_LARGE, fx.qr("x".repeat(4097)));
            assertEquals(PayloadFormat.UNKNOWN, rejected.format());
            assertReason(Reason.FORMAT, fx.qr("x".repeat(4096)));
        }

        /** A real, signed presentation of 4.5 kB: its long name compresses well, so the QR text stays short. */
        private Vt1Fixture.Presentation bigPresentation() {
            return fx.present(MARIE).listAndDisclose(disclosureOf(marie().nomUsuel("D".repeat(4300)).build().toCbor()));
        }

        @Test
        @Covers(Reason.TOO_LARGE)
        void nfcPresentationOver4096Bytes() {
            byte[] challenge = fx.nonce();
            byte[] bytes = bigPresentation().forNfc(challenge).bytes();
            assertTrue(bytes.length > 4096);
            assertReason(Reason.TOO_LARGE, fx.nfc(bytes, challenge));
        }

        @Test
        @Covers(Reason.TOO_LARGE)
        void qrPresentationInflatingBeyond4096Bytes() {
            String text = bigPresentation().qr();
            assertTrue(text.length() <= 4096, "the text itself is within the limit");
            assertReason(Reason.TOO_LARGE, "presentation larger than 4096", fx.qr(text));
        }

        @Test
        @Covers({Reason.TOO_LARGE, Reason.FORMAT})
        void nfcBytesOf4097AreTooLargeAnd4096AreNot() {
            byte[] challenge = fx.nonce();
            assertReason(Reason.TOO_LARGE, fx.nfc(new byte[4097], challenge));
            assertReason(Reason.FORMAT, fx.nfc(new byte[4096], challenge));
        }

        @Test
        @Covers(Reason.TOO_LARGE)
        void zlibInflatingBeyond8192Bytes() {
            assertReason(Reason.TOO_LARGE, "inflated size", fx.qr("VT1:" + Base45Encoder.encode(Zlib.compress(new byte[8193]))));
        }
    }

    @Nested
    class UnsupportedAlg {
        static Stream<Case> cases() {
            byte[] cnamKid = WORLD.cnam().kid();
            byte[] msaKid = WORLD.msa().kid();
            return Stream.of(
                    when("holder alg EdDSA (-8)", fx -> fx.qr(fx.present(MARIE)
                            .envelope(b -> b.protectedHeader(CoseHeaders.alg(-8))).qr())),
                    when("holder alg ES384 (-35)", fx -> fx.qr(fx.present(MARIE)
                            .envelope(b -> b.protectedHeader(CoseHeaders.alg(-35))).qr())),
                    when("holder alg as text \"ES256\"", fx -> fx.qr(fx.present(MARIE)
                            .envelope(b -> b.protectedHeader(Cbor.map().put(1, Cbor.text("ES256")))).qr())),
                    when("issuer alg ES384 (-35)", fx -> fx.qr(fx.present(MARIE)
                            .credentialEnvelope(b -> b.protectedHeader(CoseHeaders.algAndKid(-35, cnamKid))).qr())),
                    when("issuer alg PS256 (-37)", fx -> fx.qr(fx.present(MARIE)
                            .credentialEnvelope(b -> b.protectedHeader(CoseHeaders.algAndKid(-37, cnamKid))).qr())),
                    when("issuer alg as text \"ES256\"", fx -> fx.qr(fx.present(MARIE).credentialEnvelope(
                            b -> b.protectedHeader(Cbor.map().put(1, Cbor.text("ES256")).put(4, Cbor.bytes(cnamKid)))).qr())),
                    when("EdDSA header on an ES256 key record", "key record", fx -> fx.qr(fx.present(MARIE)
                            .credentialEnvelope(b -> b.protectedHeader(CoseHeaders.algAndKid(-8, cnamKid))).qr())),
                    when("ES256 header on an EdDSA key record", "key record", fx -> fx.qr(fx.present(WORLD.msaFarmer())
                            .credentialEnvelope(b -> b.protectedHeader(CoseHeaders.algAndKid(-7, msaKid))).qr())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        @Covers(Reason.UNSUPPORTED_ALG)
        void algorithmsOutsideTheProfile(Case c) {
            assertCase(Reason.UNSUPPORTED_ALG, c);
        }
    }

    @Nested
    class UnknownKey {
        @Test
        @Covers(Reason.UNKNOWN_KEY)
        void credentialSignedByAKeyNotInTheTrustList() {
            SimKeyPair stranger = Vt1Fixture.strangerKey(1);
            assertReason(Reason.UNKNOWN_KEY, fx.qr(fx.present(MARIE).credentialEnvelope(
                    b -> b.signer(stranger).protectedHeader(CoseHeaders.algAndKid(-7, stranger.kid()))).qr()));
        }

        @Test
        @Covers({Reason.UNKNOWN_KEY, Reason.OK})
        void keyWithdrawnFromTheNextTrustList() {
            Wallet farmer = WORLD.msaFarmer();
            assertAccepted(fx.qr(fx.present(farmer).qr()));
            TrustListContent withoutMsa = TrustListContent.builder().version(2).issuedAt(NOW)
                    .expiresAt(NOW.plus(Duration.ofDays(7))).issuerKey(WORLD.cnam().keyEntry());
            Vt1Fixture next = Vt1Fixture.create().withTrustList(Vt1Fixture.trustList(withoutMsa));
            assertReason(Reason.UNKNOWN_KEY, next.qr(next.present(farmer).qr()));
        }
    }

    @Nested
    class KeyNotValid {
        @Test
        @Covers(Reason.KEY_NOT_VALID)
        void issuerIdNotTheKeysIssuer() {
            assertReason(Reason.KEY_NOT_VALID, "issuer", fx.qr(fx.present(MARIE)
                    .credentialClaims(c -> c.put(CredentialClaims.ISS, Cbor.text(WORLD.msa().issuerId()))).qr()));
        }

        @Test
        @Covers(Reason.KEY_NOT_VALID)
        void issuerIdOfTheDemoIssuerUnderTheCnamKey() {
            assertReason(Reason.KEY_NOT_VALID, fx.demoMode().qr(fx.present(MARIE)
                    .credentialClaims(c -> c.put(CredentialClaims.ISS, Cbor.text(WORLD.demoIssuer().issuerId()))).qr()));
        }

        @Test
        @Covers(Reason.KEY_NOT_VALID)
        void issuedBeforeTheKeysValidity() {
            Instant iat = KEYS_FROM.minusSeconds(1);
            assertReason(Reason.KEY_NOT_VALID, "iat..exp", fx.qr(fx.present(MARIE).credentialClaims(c -> c
                    .put(CredentialClaims.IAT, Cbor.integer(epoch(iat)))
                    .put(CredentialClaims.NBF, Cbor.integer(epoch(iat)))).qr()));
        }

        @Test
        @Covers(Reason.KEY_NOT_VALID)
        void expiringAfterTheKeysValidity() {
            assertReason(Reason.KEY_NOT_VALID, "iat..exp", fx.qr(fx.present(MARIE).credentialClaims(
                    c -> c.put(CredentialClaims.EXP, Cbor.integer(epoch(KEYS_UNTIL.plusSeconds(1))))).qr()));
        }

        @Test
        @Covers(Reason.OK)
        void aCredentialFillingTheKeysWholeWindowIsAccepted() {
            assertAccepted(fx.qr(fx.present(MARIE).credentialClaims(c -> c
                    .put(CredentialClaims.IAT, Cbor.integer(epoch(KEYS_FROM)))
                    .put(CredentialClaims.NBF, Cbor.integer(epoch(KEYS_FROM)))
                    .put(CredentialClaims.EXP, Cbor.integer(epoch(KEYS_UNTIL)))).qr()));
        }
    }

    @Nested
    class BadSignature {
        static Stream<Case> cases() {
            return Stream.of(
                    when("one bit flipped (ES256)", fx -> fx.qr(fx.present(MARIE)
                            .credentialEnvelope(b -> b.changeSignature(SignatureTweaks.flipBit(10))).qr())),
                    when("one bit flipped (EdDSA)", fx -> fx.qr(fx.present(WORLD.msaFarmer())
                            .credentialEnvelope(b -> b.changeSignature(SignatureTweaks.flipBit(40))).qr())),
                    when("64 zero bytes", fx -> fx.qr(fx.present(MARIE)
                            .credentialEnvelope(b -> b.changeSignature(SignatureTweaks.zeros())).qr())),
                    when("signed for a presentation (AAD VT1/presentation)", fx -> fx.qr(fx.present(MARIE)
                            .credentialEnvelope(b -> b.signWithAad(Vt1ExternalAad.PRESENTATION)).qr())),
                    when("signed for a trust list (AAD VT1/trust-list)", fx -> fx.qr(fx.present(MARIE)
                            .credentialEnvelope(b -> b.signWithAad(Vt1ExternalAad.TRUST_LIST)).qr())),
                    when("signed without external AAD", fx -> fx.qr(fx.present(MARIE)
                            .credentialEnvelope(b -> b.signWithAad(new byte[0])).qr())),
                    when("forged: another key under the CNAM kid", fx -> fx.qr(fx.present(MARIE)
                            .credentialEnvelope(b -> b.signer(Vt1Fixture.strangerKey(2))).qr())),
                    when("claims altered after signing", fx -> {
                        byte[] genuine = WORLD.cnam().credentialSigner(MARIE.credential().claims()).sign().signature();
                        return fx.qr(fx.present(MARIE)
                                .credentialClaims(c -> c.put(CredentialClaims.EXP, Cbor.integer(epoch(NOW.plus(Duration.ofDays(300))))))
                                .credentialEnvelope(b -> b.replaceSignature(genuine)).qr());
                    }));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        @Covers(Reason.BAD_SIGNATURE)
        void issuerSignatureDoesNotVerify(Case c) {
            assertCase(Reason.BAD_SIGNATURE, c);
        }
    }

    @Nested
    class NotYetValid {
        @Test
        @Covers(Reason.NOT_YET_VALID)
        void nbfMoreThan60SecondsAhead() {
            assertReason(Reason.NOT_YET_VALID, fx.qr(fx.present(MARIE).credentialClaims(
                    c -> c.put(CredentialClaims.NBF, Cbor.integer(epoch(NOW.plusSeconds(61))))).qr()));
        }

        @Test
        @Covers(Reason.NOT_YET_VALID)
        void nbfTomorrow() {
            assertReason(Reason.NOT_YET_VALID, fx.qr(fx.present(MARIE).credentialClaims(
                    c -> c.put(CredentialClaims.NBF, Cbor.integer(epoch(NOW.plus(Duration.ofDays(1)))))).qr()));
        }

        @Test
        @Covers(Reason.OK)
        void nbfExactly60SecondsAheadIsAccepted() {
            assertAccepted(fx.qr(fx.present(MARIE).credentialClaims(
                    c -> c.put(CredentialClaims.NBF, Cbor.integer(epoch(NOW.plusSeconds(60))))).qr()));
        }
    }

    @Nested
    class Expired {
        @Test
        @Covers(Reason.EXPIRED)
        void theWorldsExpiredCredential() {
            assertTrue(WORLD.expired().credential().expiresAt().isBefore(NOW));
            assertReason(Reason.EXPIRED, fx.qr(fx.present(WORLD.expired()).qr()));
        }

        @Test
        @Covers({Reason.EXPIRED, Reason.OK})
        void oneSecondPastExpIsExpiredAndExpItselfIsNot() {
            assertReason(Reason.EXPIRED, fx.qr(fx.present(MARIE).credentialClaims(
                    c -> c.put(CredentialClaims.EXP, Cbor.integer(epoch(NOW.minusSeconds(1))))).qr()));
            assertAccepted(fx.qr(fx.present(MARIE).credentialClaims(
                    c -> c.put(CredentialClaims.EXP, Cbor.integer(epoch(NOW)))).qr()));
        }

        @Test
        @Covers({Reason.EXPIRED, Reason.OK})
        void delegationEnded() {
            Wallet delegated = WORLD.delegated();
            assertReason(Reason.EXPIRED, "delegation", fx.qr(fx.present(delegated).vitaleData(d -> d
                    .mapAt(CredentialClaims.DATA_DELEGATION).put(Delegation.UNTIL, Cbor.integer(epoch(NOW.minusSeconds(1))))).qr()));
            assertAccepted(fx.qr(fx.present(delegated).vitaleData(d -> d
                    .mapAt(CredentialClaims.DATA_DELEGATION).put(Delegation.UNTIL, Cbor.integer(epoch(NOW)))).qr()));
        }
    }

    @Nested
    class Revoked {
        @Test
        @Covers(Reason.REVOKED)
        void theWorldsRevokedCredential() {
            assertReason(Reason.REVOKED, fx.qr(fx.present(WORLD.revoked()).qr()));
        }

        @Test
        @Covers({Reason.REVOKED, Reason.OK})
        void revokedByTheNextTrustList() {
            assertAccepted(fx.qr(fx.present(MARIE).qr()));
            TrustListContent next = Vt1Fixture.listContent().revoke(MARIE.credential().cti(), MARIE.credential().expiresAt());
            Vt1Fixture later = fx.withTrustList(Vt1Fixture.trustList(next));
            assertReason(Reason.REVOKED, later.qr(later.present(MARIE).qr()));
        }

        @Test
        @Covers(Reason.REVOKED)
        void revocationEntriesPastTheirDropAfterTimeStillCount() {
            TrustListContent next = Vt1Fixture.listContent().revoke(MARIE.credential().cti(), NOW.minus(Duration.ofDays(1)));
            Vt1Fixture later = fx.withTrustList(Vt1Fixture.trustList(next));
            assertReason(Reason.REVOKED, later.qr(later.present(MARIE).qr()));
        }
    }

    @Nested
    class BadHolderSignature {
        static Stream<Case> cases() {
            return Stream.of(
                    when("signed by another phone's key (copied credential)", fx -> fx.qr(fx.present(MARIE)
                            .holderKey(Vt1Fixture.strangerKey(3)).qr())),
                    when("signed by the issuer's key", fx -> fx.qr(fx.present(MARIE)
                            .holderKey(WORLD.cnam().key()).qr())),
                    when("one bit flipped", fx -> fx.qr(fx.present(MARIE)
                            .envelope(b -> b.changeSignature(SignatureTweaks.flipBit(50))).qr())),
                    when("signed with AAD VT1/credential", fx -> fx.qr(fx.present(MARIE)
                            .envelope(b -> b.signWithAad(Vt1ExternalAad.CREDENTIAL)).qr())),
                    when("claims altered after signing", fx -> {
                        Vt1Fixture.Presentation genuine = fx.present(MARIE);
                        byte[] signature = WORLD.singleAdult().presentationSigner(genuine.claimsMap()).sign().signature();
                        return fx.qr(fx.present(MARIE).at(NOW.minusSeconds(5))
                                .envelope(b -> b.replaceSignature(signature)).qr());
                    }),
                    when("cnf point not on the curve", "holder", fx -> fx.qr(fx.present(MARIE).credentialClaims(
                            c -> c.mapAt(CredentialClaims.CNF).mapAt(CredentialClaims.CNF_COSE_KEY)
                                    .put(-3, Cbor.bytes(new byte[32]))).qr())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        @Covers(Reason.BAD_HOLDER_SIGNATURE)
        void presentationNotSignedByTheBoundDeviceKey(Case c) {
            assertCase(Reason.BAD_HOLDER_SIGNATURE, c);
        }
    }

    @Nested
    class Stale {
        @Test
        @Covers({Reason.STALE, Reason.OK})
        void qrOlderThan120Seconds() {
            assertReason(Reason.STALE, fx.qr(fx.present(MARIE).at(NOW.minusSeconds(121)).qr()));
            assertAccepted(fx.qr(fx.present(MARIE).at(NOW.minusSeconds(120)).qr()));
        }

        @Test
        @Covers({Reason.STALE, Reason.OK})
        void qrMoreThan30SecondsInTheFuture() {
            assertReason(Reason.STALE, fx.qr(fx.present(MARIE).at(NOW.plusSeconds(31)).qr()));
            assertAccepted(fx.qr(fx.present(MARIE).at(NOW.plusSeconds(30)).qr()));
        }

        @Test
        @Covers(Reason.STALE)
        void wedgeFollowsTheQrWindow() {
            assertReason(Reason.STALE, fx.wedge(fx.present(MARIE).at(NOW.minusSeconds(121)).qr()));
            assertReason(Reason.STALE, fx.wedge(fx.present(MARIE).at(NOW.plusSeconds(31)).qr()));
        }

        @Test
        @Covers({Reason.STALE, Reason.OK})
        void theQrWindowIsConfigurable() {
            Vt1Fixture strict = fx.withPolicy(VerificationPolicy.defaults().withQrWindow(Duration.ofSeconds(60), Duration.ZERO));
            assertReason(Reason.STALE, strict.qr(strict.present(MARIE).at(NOW.minusSeconds(61)).qr()));
            assertReason(Reason.STALE, strict.qr(strict.present(MARIE).at(NOW.plusSeconds(1)).qr()));
            assertAccepted(strict.qr(strict.present(MARIE).at(NOW.minusSeconds(60)).qr()));
        }

        @ParameterizedTest(name = "iat = now {0} s")
        @ValueSource(longs = {-301, 301, -3600, 86400})
        @Covers(Reason.STALE)
        void nfcOutsideFiveMinutes(long offset) {
            byte[] challenge = fx.nonce();
            assertReason(Reason.STALE, fx.nfc(fx.present(MARIE).forNfc(challenge).at(NOW.plusSeconds(offset)).bytes(), challenge));
        }

        @ParameterizedTest(name = "iat = now {0} s")
        @ValueSource(longs = {-300, 300})
        @Covers(Reason.OK)
        void nfcWithinFiveMinutes(long offset) {
            byte[] challenge = fx.nonce();
            assertAccepted(fx.nfc(fx.present(MARIE).forNfc(challenge).at(NOW.plusSeconds(offset)).bytes(), challenge));
        }
    }

    @Nested
    class ChallengeMismatch {
        @Test
        @Covers(Reason.CHALLENGE_MISMATCH)
        void nfcNonceIsNotThisTapsChallenge() {
            byte[] challenge = fx.nonce();
            byte[] earlier = fx.nonce();
            assertReason(Reason.CHALLENGE_MISMATCH, fx.nfc(MARIE.presentNfc(earlier, NOW, 0), challenge));
        }

        @Test
        @Covers(Reason.CHALLENGE_MISMATCH)
        void nfcWithoutAChallenge() {
            assertReason(Reason.CHALLENGE_MISMATCH, fx.nfc(MARIE.presentNfc(fx.nonce(), NOW, 0), null));
        }

        @Test
        @Covers(Reason.CHALLENGE_MISMATCH)
        void nfcPresentationShownAsQr() {
            byte[] nfcPresentation = MARIE.presentNfc(fx.nonce(), NOW, 0);
            assertReason(Reason.CHALLENGE_MISMATCH, fx.qrBytes(nfcPresentation));
        }

        @Test
        @Covers(Reason.CHALLENGE_MISMATCH)
        void nfcPresentationTypedByAWedgeScanner() {
            byte[] nfcPresentation = MARIE.presentNfc(fx.nonce(), NOW, 0);
            assertReason(Reason.CHALLENGE_MISMATCH, fx.wedge(Vt1QrText.of(nfcPresentation)));
        }

        @Test
        @Covers(Reason.CHALLENGE_MISMATCH)
        void qrPresentationSentOverNfcEvenWithTheRightNonce() {
            byte[] challenge = fx.nonce();
            byte[] qrPresentation = fx.present(MARIE).nonce(challenge).channel(PresentationChannel.QR.code()).bytes();
            assertReason(Reason.CHALLENGE_MISMATCH, fx.nfc(qrPresentation, challenge));
        }
    }

    @Nested
    class Replayed {
        @Test
        @Covers({Reason.OK, Reason.REPLAYED})
        void theSameQrTextTwice() {
            String text = fx.present(MARIE).qr();
            assertAccepted(fx.qr(text));
            assertReason(Reason.REPLAYED, fx.qrAt(text, NOW.plusSeconds(10)));
        }

        @Test
        @Covers({Reason.OK, Reason.REPLAYED})
        void theSameQrTextFromAWedgeScannerAfterTheCamera() {
            String text = fx.present(MARIE).qr();
            assertAccepted(fx.qr(text));
            assertReason(Reason.REPLAYED, fx.wedge(text));
        }

        @Test
        @Covers({Reason.OK, Reason.REPLAYED})
        void theSameNfcAnswerTwice() {
            byte[] challenge = fx.nonce();
            byte[] answer = MARIE.presentNfc(challenge, NOW, 0);
            assertAccepted(fx.nfc(answer, challenge));
            assertReason(Reason.REPLAYED, fx.nfc(answer, challenge));
        }

        @Test
        @Covers({Reason.OK, Reason.REPLAYED})
        void anotherPresentationReusingAnAcceptedNonce() {
            byte[] nonce = fx.nonce();
            assertAccepted(fx.qr(fx.present(MARIE).nonce(nonce).qr()));
            assertReason(Reason.REPLAYED, fx.qr(fx.present(MARIE).nonce(nonce).at(NOW.plusSeconds(1)).qr()));
        }

        @Test
        @Covers({Reason.OK, Reason.REPLAYED})
        void theSameNonceWithAnotherCredentialIsNoReplay() {
            byte[] nonce = fx.nonce();
            assertAccepted(fx.qr(fx.present(MARIE).nonce(nonce).qr()));
            assertAccepted(fx.qr(fx.present(WORLD.family()).nonce(nonce).qr()));
            assertReason(Reason.REPLAYED, fx.qr(fx.present(WORLD.family()).nonce(nonce).disclose(1).qr()));
        }
    }

    @Nested
    class DisclosureInvalid {
        static Stream<Case> cases() {
            Wallet family = WORLD.family();
            return Stream.of(
                    when("digest not listed: another credential's beneficiary", "not in the credential",
                            fx -> fx.qr(fx.present(MARIE).discloseBytes(family.credential().disclosure(0)).qr())),
                    when("digest not listed: one byte of the disclosure changed", "not in the credential", fx -> {
                        byte[] changed = MARIE.credential().disclosure(0);
                        changed[changed.length - 1] ^= 1;
                        return fx.qr(fx.present(MARIE).discloseBytes(changed).qr());
                    }),
                    when("digest not listed: disclosure re-encoded (rang with a 1-byte argument)", "not in the credential",
                            fx -> {
                                byte[] original = MARIE.credential().disclosure(0);
                                byte[] salt = Arrays.copyOfRange(original, 2, 18); // after 82 50
                                CborMapBuilder beneficiary = MARIE.credential().beneficiary(0).toCbor();
                                if (!Arrays.equals(original, Disclosure.create(salt, beneficiary).bytes())) {
                                    throw new AssertionError("could not rebuild the minted disclosure");
                                }
                                beneficiary.put(BeneficiarySpec.RANG, Cbor.integerWithArgumentBytes(1, 1));
                                return fx.qr(fx.present(MARIE).discloseBytes(Disclosure.create(salt, beneficiary).bytes()).qr());
                            }),
                    when("the same disclosure twice", "twice", fx -> fx.qr(fx.present(MARIE).disclose(0, 0).qr())),
                    when("the same family member twice among others", "twice",
                            fx -> fx.qr(fx.present(family).disclose(1, 2, 1).qr())),
                    when("not CBOR", "disclosure", fx -> fx.qr(fx.present(MARIE).listAndDisclose(new byte[] {(byte) 0xFF}).qr())),
                    when("not an array", "disclosure",
                            fx -> fx.qr(fx.present(MARIE).listAndDisclose(marie().build().toCbor().encode()).qr())),
                    when("three elements", "disclosure", fx -> fx.qr(fx.present(MARIE).listAndDisclose(
                            Cbor.array(Cbor.bytes(new byte[16]), marie().build().toCbor(), Cbor.integer(0)).encode()).qr())),
                    when("salt of 15 bytes", "salt", fx -> fx.qr(fx.present(MARIE).listAndDisclose(
                            Cbor.array(Cbor.bytes(new byte[15]), marie().build().toCbor()).encode()).qr())),
                    when("beneficiary is an array", "beneficiary",
                            fx -> withBeneficiary(fx, Cbor.array(Cbor.text("DUPONT")))),
                    when("unknown beneficiary key 12", "unexpected key",
                            fx -> withBeneficiaryMap(fx, m -> m.put(12, Cbor.text("x")))),
                    when("text key in the beneficiary", "unexpected key",
                            fx -> withBeneficiaryMap(fx, m -> m.put("nom", Cbor.text("x")))),
                    when("missing AMO periods (key 9)", "missing key 9",
                            fx -> withBeneficiaryMap(fx, m -> m.remove(BeneficiarySpec.AMO_PERIODS))),
                    when("missing prénom (key 3)", "missing key 3",
                            fx -> withBeneficiaryMap(fx, m -> m.remove(BeneficiarySpec.PRENOM))),
                    when("nom usuel is a number", "key 1",
                            fx -> withBeneficiaryMap(fx, m -> m.put(BeneficiarySpec.NOM_USUEL, Cbor.integer(7)))),
                    when("birth date of 7 characters", "key 4",
                            fx -> withBeneficiary(fx, marie().birthDate("1985031").build())),
                    when("birth date of 8 characters but 9 bytes", "key 4",
                            fx -> withBeneficiary(fx, marie().birthDate("1985031é").build())),
                    when("birth date as an integer", "key 4",
                            fx -> withBeneficiaryMap(fx, m -> m.put(BeneficiarySpec.BIRTH_DATE, Cbor.integer(19850314)))),
                    when("negative rang", "key 5",
                            fx -> withBeneficiaryMap(fx, m -> m.put(BeneficiarySpec.RANG, Cbor.integer(-1)))),
                    when("qualité as text", "key 6",
                            fx -> withBeneficiaryMap(fx, m -> m.put(BeneficiarySpec.QUALITE, Cbor.text("0")))),
                    when("own NIR of 12 characters", "NIR",
                            fx -> withBeneficiary(fx, marie().ownNir(new CertifiedNir("285037511412", 1)).build())),
                    when("own NIR without its key", "NIR", fx -> withBeneficiaryMap(fx,
                            m -> m.put(BeneficiarySpec.OWN_NIR, Cbor.array(Cbor.text("2850375114123"))))),
                    when("INS matricule of 13 characters", "INS",
                            fx -> withBeneficiary(fx, marie().ins(new Ins("2850375114123", Ins.OID_INS_NIR_TEST)).build())),
                    when("period of three dates", "period", fx -> withBeneficiaryMap(fx, m -> m.put(BeneficiarySpec.AMO_PERIODS,
                            Cbor.array(Cbor.array(Cbor.text("20260101"), Cbor.text("20261231"), Cbor.text("20270101")))))),
                    when("period date of 9 characters", "period", fx -> withBeneficiary(fx,
                            marie().amoPeriod(new DatePeriod("202601010", "20261231")).build())),
                    when("coverage with an unknown key", "unexpected key", fx -> withBeneficiaryMap(fx, m -> m.put(
                            BeneficiarySpec.COVERAGES, Cbor.array(new Coverage("ALD", null,
                                    new DatePeriod("20250101", "20271231")).toCbor().put(4, Cbor.text("x")))))),
                    when("AMC without its period", "missing key 4", fx -> withBeneficiaryMap(fx, m -> m.put(
                            BeneficiarySpec.AMC, Cbor.map().put(Amc.NUMBER, Cbor.text("75500017"))))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        @Covers(Reason.DISCLOSURE_INVALID)
        void disclosuresThatDoNotBelongOrAreMalformed(Case c) {
            assertCase(Reason.DISCLOSURE_INVALID, c);
        }
    }

    @Nested
    class InvalidData {
        static Stream<Case> cases() {
            InsuredSpec marieInsured = MARIE.credential().insured();
            int key = marieInsured.nirKey();
            return Stream.of(
                    when("insured NIR key off by one", "insured", fx -> fx.qr(fx.present(MARIE)
                            .insured(i -> i.put(InsuredSpec.NIR_KEY, Cbor.integer(key % 97 + 1))).qr())),
                    when("insured NIR key 0", "insured", fx -> fx.qr(fx.present(MARIE)
                            .insured(i -> i.put(InsuredSpec.NIR_KEY, Cbor.integer(0))).qr())),
                    when("insured NIR key 98", "insured", fx -> fx.qr(fx.present(MARIE)
                            .insured(i -> i.put(InsuredSpec.NIR_KEY, Cbor.integer(98))).qr())),
                    when("insured NIR key 2^32 + the right key", "insured", fx -> fx.qr(fx.present(MARIE)
                            .insured(i -> i.put(InsuredSpec.NIR_KEY, Cbor.integer((1L << 32) + key))).qr())),
                    when("insured NIR with a letter outside 2A/2B", "insured", fx -> fx.qr(fx.present(MARIE)
                            .insured(i -> i.put(InsuredSpec.NIR, Cbor.text("28503751141X3"))).qr())),
                    when("insured NIR with 2A at positions 7-8", "insured", fx -> fx.qr(fx.present(MARIE)
                            .insured(i -> i.put(InsuredSpec.NIR, Cbor.text("1750602A04012"))).qr())),
                    when("organisme régime not digits", "organisme", fx -> fx.qr(fx.present(MARIE).insured(
                            i -> i.mapAt(InsuredSpec.ORGANISME).put(Organisme.REGIME, Cbor.text("0A"))).qr())),
                    when("organisme caisse not digits", "organisme", fx -> fx.qr(fx.present(MARIE).insured(
                            i -> i.mapAt(InsuredSpec.ORGANISME).put(Organisme.CAISSE, Cbor.text("75X"))).qr())),
                    when("organisme centre with a space", "organisme", fx -> fx.qr(fx.present(MARIE).insured(
                            i -> i.mapAt(InsuredSpec.ORGANISME).put(Organisme.CENTRE, Cbor.text("01 0"))).qr())),
                    when("organisme code gestion not digits", "organisme", fx -> fx.qr(fx.present(MARIE).insured(
                            i -> i.mapAt(InsuredSpec.ORGANISME).put(Organisme.GESTION, Cbor.text("1A"))).qr())),
                    when("organisme régime: one non-ASCII character of 2 bytes (right size, wrong value)", "organisme",
                            fx -> fx.qr(fx.present(MARIE).insured(
                                    i -> i.mapAt(InsuredSpec.ORGANISME).put(Organisme.REGIME, Cbor.text("é"))).qr())),
                    when("beneficiary NIR key wrong", "beneficiary NIR", fx -> withBeneficiary(fx,
                            marie().ownNir(new CertifiedNir("2850375114123", marieInsured.nirKey() % 97 + 1)).build())),
                    when("beneficiary NIR key 0", "beneficiary NIR", fx -> withBeneficiary(fx,
                            marie().ownNir(new CertifiedNir("2850375114123", 0)).build())),
                    when("beneficiary NIR key 2^32 + the right key", "beneficiary NIR", fx -> withBeneficiaryMap(fx,
                            m -> m.put(BeneficiarySpec.OWN_NIR, Cbor.array(Cbor.text("2850375114123"),
                                    Cbor.integer((1L << 32) + key))))),
                    when("beneficiary NIR with letters", "beneficiary NIR", fx -> withBeneficiary(fx,
                            marie().ownNir(new CertifiedNir("2850375ABC123", 12)).build())),
                    when("birth month 13", "birth date", fx -> withBeneficiary(fx, marie().birthDate("19851314").build())),
                    when("30 February", "birth date", fx -> withBeneficiary(fx, marie().birthDate("19850230").build())),
                    when("known day, unknown month", "birth date", fx -> withBeneficiary(fx, marie().birthDate("19850014").build())),
                    when("birth date with a letter", "birth date", fx -> withBeneficiary(fx, marie().birthDate("1985031A").build())),
                    when("birth date of 8 bytes with a non-ASCII character", "birth date",
                            fx -> withBeneficiary(fx, marie().birthDate("198503é").build())),
                    when("own NIR of 13 bytes with a non-ASCII character", "beneficiary NIR", fx -> withBeneficiaryMap(fx,
                            m -> m.put(BeneficiarySpec.OWN_NIR, Cbor.array(Cbor.text("28503751141é"), Cbor.integer(key))))),
                    when("INS matricule of 15 bytes with a non-ASCII character", "INS", fx -> withBeneficiary(fx,
                            marie().ins(new Ins("2850375114123é", Ins.OID_INS_NIR_TEST)).build())),
                    when("AMO period date of 8 bytes with a non-ASCII character", "AMO period", fx -> withBeneficiary(fx,
                            marie().amoPeriod(new DatePeriod("202601é", "20261231")).build())),
                    when("rang 0", "rang", fx -> withBeneficiary(fx, marie().rang(0).build())),
                    when("rang 10", "rang", fx -> withBeneficiary(fx, marie().rang(10).build())),
                    when("rang 2^32 + 1", "rang", fx -> withBeneficiaryMap(fx,
                            m -> m.put(BeneficiarySpec.RANG, Cbor.integer((1L << 32) + 1)))),
                    when("qualité 10", "qualité", fx -> withBeneficiary(fx, marie().qualite(10).build())),
                    when("qualité 2^32", "qualité", fx -> withBeneficiaryMap(fx,
                            m -> m.put(BeneficiarySpec.QUALITE, Cbor.integer(1L << 32)))),
                    when("INS with an unknown OID", "INS", fx -> withBeneficiary(fx,
                            marie().ins(new Ins("285037511412312", "1.2.250.1.213.1.4.12")).build())),
                    when("INS-NIR with a wrong key", "INS", fx -> withBeneficiary(fx,
                            marie().ins(new Ins("285037511412399", Ins.OID_INS_NIR_TEST)).build())),
                    when("production INS-NIR with a wrong key", "INS", fx -> withBeneficiary(fx,
                            marie().ins(new Ins("285037511412399", Ins.OID_INS_NIR)).build())),
                    when("INS key not digits", "INS", fx -> withBeneficiary(fx,
                            marie().ins(new Ins("2850375114123AB", Ins.OID_INS_NIA_TEST)).build())),
                    when("INS matricule with letters", "INS", fx -> withBeneficiary(fx,
                            marie().ins(new Ins("28503ABC1412312", Ins.OID_INS_NIA)).build())),
                    when("AMO period ending before it starts", "AMO period", fx -> withBeneficiary(fx,
                            marie().amoPeriod(new DatePeriod("20260301", "20260228")).build())),
                    when("AMO period on 30 February", "AMO period", fx -> withBeneficiary(fx,
                            marie().amoPeriod(new DatePeriod("20260101", "20260230")).build())),
                    when("AMO period date with a 00 day", "AMO period", fx -> withBeneficiary(fx,
                            marie().amoPeriod(new DatePeriod("20260100", "20261231")).build())),
                    when("coverage period reversed", "coverage period", fx -> withBeneficiary(fx,
                            marie().coverage(new Coverage("ALD", "08", new DatePeriod("20280101", "20250101"))).build())),
                    when("AMC period reversed", "AMC period", fx -> withBeneficiary(fx,
                            marie().amc(new Amc("75500017", null, null, new DatePeriod("20280101", "20250101"))).build())),
                    when("blank nom usuel", "names", fx -> withBeneficiary(fx, marie().nomUsuel("  ").build())),
                    when("empty prénom", "names", fx -> withBeneficiary(fx, marie().prenom("").build())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        @Covers(Reason.INVALID_DATA)
        void signedDataThatMakesNoSense(Case c) {
            assertCase(Reason.INVALID_DATA, c);
        }

        static Stream<Case> acceptedCases() {
            return Stream.of(
                    when("birth day unknown (00)", fx -> withBeneficiary(fx, marie().birthDate("19850300").build())),
                    when("birth month and day unknown (0000)", fx -> withBeneficiary(fx, marie().birthDate("19850000").build())),
                    when("29 February of a leap year", fx -> withBeneficiary(fx, marie().birthDate("19840229").build())),
                    when("rang 9, qualité 9", fx -> withBeneficiary(fx, marie().rang(9).qualite(9).build())),
                    when("insured born in Haute-Corse (2B)", fx -> fx.qr(fx.present(WORLD.msaFarmer()).qr())),
                    when("own NIR with 2A and its key", fx -> withBeneficiary(fx,
                            marie().ownNirWithTestIns("175062A004012").build())),
                    when("INS-NIA: the key is not a NIR key", fx -> withBeneficiary(fx,
                            marie().ins(new Ins("285037511412399", Ins.OID_INS_NIA_TEST)).build())),
                    when("no AMO period at all", fx -> withBeneficiaryMap(fx,
                            m -> m.put(BeneficiarySpec.AMO_PERIODS, Cbor.array()))),
                    when("one-day AMO period", fx -> withBeneficiary(fx,
                            marie().amoPeriod(new DatePeriod("20260315", "20260315")).build())),
                    when("empty coverage list", fx -> withBeneficiary(fx, marie().emptyCoverages().build())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("acceptedCases")
        @Covers(Reason.OK)
        void unusualButValidData(Case c) {
            assertAccepted(c.run().apply(Vt1Fixture.create()));
        }
    }

    @Nested
    class DemoNotAllowed {
        @Test
        @Covers(Reason.DEMO_NOT_ALLOWED)
        void theWorldsDemoCredential() {
            assertReason(Reason.DEMO_NOT_ALLOWED, fx.qr(fx.present(WORLD.demo()).qr()));
        }

        @Test
        @Covers(Reason.DEMO_NOT_ALLOWED)
        void demoFlagOnARealIssuersCredential() {
            assertReason(Reason.DEMO_NOT_ALLOWED, "demo credential", fx.qr(fx.present(MARIE)
                    .vitaleData(d -> d.put(CredentialClaims.DATA_DEMO, Cbor.bool(true))).qr()));
        }

        @Test
        @Covers(Reason.DEMO_NOT_ALLOWED)
        void ordinaryCredentialSignedByTheDemoKey() {
            assertReason(Reason.DEMO_NOT_ALLOWED, "demo issuer key", fx.qr(fx.present(WORLD.demo())
                    .vitaleData(d -> d.remove(CredentialClaims.DATA_DEMO)).qr()));
        }

        @Test
        @Covers(Reason.OK)
        void allAcceptedInDemoMode() {
            Vt1Fixture demo = fx.demoMode();
            assertTrue(assertAccepted(demo.qr(demo.present(WORLD.demo()).qr())).credential().demo());
            assertTrue(assertAccepted(demo.qr(demo.present(MARIE)
                    .vitaleData(d -> d.put(CredentialClaims.DATA_DEMO, Cbor.bool(true))).qr())).credential().demo());
            assertAccepted(demo.qr(demo.present(WORLD.demo()).vitaleData(d -> d.remove(CredentialClaims.DATA_DEMO)).qr()));
            assertFalse(assertAccepted(demo.qr(demo.present(MARIE).qr())).credential().demo(),
                    "demo mode still accepts real credentials");
        }
    }

    @Nested
    class TrustListMissing {
        @Test
        @Covers(Reason.TRUST_LIST_MISSING)
        void noTrustListRejectsQrWedgeAndNfc() {
            Vt1Fixture none = fx.withTrustList(null);
            assertReason(Reason.TRUST_LIST_MISSING, none.qr(none.present(MARIE).qr()));
            assertReason(Reason.TRUST_LIST_MISSING, none.wedge(none.present(MARIE).qr()));
            byte[] challenge = none.nonce();
            assertReason(Reason.TRUST_LIST_MISSING, none.nfc(MARIE.presentNfc(challenge, NOW, 0), challenge));
        }
    }

    @Nested
    class TrustListStale {
        private final Instant listExp = Vt1Fixture.TRUST_LIST.expiresAt();

        @Test
        @Covers({Reason.TRUST_LIST_STALE, Reason.OK})
        void pastExpPlus72HoursGrace() {
            Instant lastUsable = listExp.plus(Duration.ofHours(72));
            assertAccepted(fx.qrAt(fx.present(MARIE).at(lastUsable).qr(), lastUsable));
            Instant stale = lastUsable.plusSeconds(1);
            assertReason(Reason.TRUST_LIST_STALE, fx.qrAt(fx.present(MARIE).at(stale).qr(), stale));
            byte[] challenge = fx.nonce();
            assertReason(Reason.TRUST_LIST_STALE, fx.nfcAt(MARIE.presentNfc(challenge, stale, 0), challenge, stale));
        }

        @Test
        @Covers({Reason.TRUST_LIST_STALE, Reason.OK})
        void theGraceIsConfigurable() {
            Vt1Fixture noGrace = fx.withPolicy(VerificationPolicy.defaults().withTrustListGrace(Duration.ZERO));
            assertAccepted(noGrace.qrAt(noGrace.present(MARIE).at(listExp).qr(), listExp));
            Instant after = listExp.plusSeconds(1);
            assertReason(Reason.TRUST_LIST_STALE, noGrace.qrAt(noGrace.present(MARIE).at(after).qr(), after));
        }
    }

    @Nested
    class ClockUntrusted {
        @Test
        @Covers(Reason.CLOCK_UNTRUSTED)
        void everyInputIsRefusedWhileTheClockIsUntrusted() {
            Vt1Fixture untrusted = fx.withUntrustedClock();
            assertReason(Reason.CLOCK_UNTRUSTED, untrusted.qr(untrusted.present(MARIE).qr()));
            assertReason(Reason.CLOCK_UNTRUSTED, untrusted.wedge(untrusted.present(MARIE).qr()));
            byte[] challenge = untrusted.nonce();
            assertReason(Reason.CLOCK_UNTRUSTED, untrusted.nfc(MARIE.presentNfc(challenge, NOW, 0), challenge));
            VerificationResult.Rejected hc1 = assertReason(Reason.CLOCK_UNTRUSTED, untrusted.qr("HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH"));
            assertEquals(PayloadFormat.HC1, hc1.format());
            assertReason(Reason.CLOCK_UNTRUSTED, untrusted.qr("not a credential"));
        }
    }

    /** The reason codes are the stable strings of spec §5. */
    @Test
    void codesAreTheSpecStrings() {
        assertEquals(List.of("OK", "FORMAT", "TOO_LARGE", "UNSUPPORTED_ALG", "UNKNOWN_KEY", "KEY_NOT_VALID",
                        "BAD_SIGNATURE", "NOT_YET_VALID", "EXPIRED", "REVOKED", "BAD_HOLDER_SIGNATURE", "STALE",
                        "CHALLENGE_MISMATCH", "REPLAYED", "DISCLOSURE_INVALID", "INVALID_DATA", "DEMO_NOT_ALLOWED",
                        "TRUST_LIST_MISSING", "TRUST_LIST_STALE", "CLOCK_UNTRUSTED"),
                Arrays.stream(Reason.values()).map(Reason::code).toList());
    }
}
