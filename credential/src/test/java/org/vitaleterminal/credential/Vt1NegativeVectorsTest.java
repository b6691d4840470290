package org.vitaleterminal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitaleterminal.credential.Vt1Fixture.Case;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborArray;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.cbor.CborValue;
import org.vitaleterminal.sim.codec.Base45Encoder;
import org.vitaleterminal.sim.codec.Zlib;
import org.vitaleterminal.sim.cose.CoseHeaders;
import org.vitaleterminal.sim.cose.CoseSign1Builder;
import org.vitaleterminal.sim.cose.SignatureTweaks;
import org.vitaleterminal.sim.data.BeneficiarySpec;
import org.vitaleterminal.sim.issuer.CredentialClaims;
import org.vitaleterminal.sim.wallet.PresentationClaims;
import org.vitaleterminal.sim.wallet.Wallet;

/**
 * The mandatory own negatives "F" of signed-qr.md §5.4 (the gaps the public suites leave: the
 * dgc-testdata cases listed without data, CO4/CO24–CO27, and the strict-encoding rules), each
 * built with the sim and run through the VT1 path of {@link CredentialVerifier}. Where every
 * defect of a family gives the same code, the rejection's fixed detail is checked too, so that
 * each case fails for the reason it is about. The trust-list negatives of the same list
 * (rollback, duplicate kids, unknown root...) are in {@link TrustListReaderTest}.
 */
@ExtendWith(ReasonLedger.class)
class Vt1NegativeVectorsTest {
    private static final Wallet MARIE = WORLD.singleAdult();
    private static final byte[] CNAM_KID = WORLD.cnam().kid();

    private final Vt1Fixture fx = Vt1Fixture.create();

    private static Arguments f(Reason reason, Case c) {
        return Arguments.of(reason, c);
    }

    private static long epoch(Instant instant) {
        return instant.getEpochSecond();
    }

    /** {@code levels} arrays nested around an integer: a map value at depth 1 + levels. */
    private static CborValue nested(int levels) {
        CborValue value = Cbor.integer(1);
        for (int i = 0; i < levels; i++) {
            value = Cbor.array(value);
        }
        return value;
    }

    private static CborValue asIndefinite(CborArray array) {
        return Cbor.indefiniteArray(array.items().toArray(CborValue[]::new));
    }

    private static VerificationResult beneficiaryMap(Vt1Fixture fx, UnaryOperator<CborMapBuilder> edit) {
        return fx.qr(fx.present(MARIE).listAndDisclose(disclosureOf(edit.apply(marie().build().toCbor()))).qr());
    }

    static Stream<Arguments> negatives() {
        return Stream.of(
                // CO4 / CO27: algorithms
                f(Reason.UNSUPPORTED_ALG, when("credential alg ES384 (-35)", fx -> fx.qr(fx.present(MARIE)
                        .credentialEnvelope(b -> b.protectedHeader(CoseHeaders.algAndKid(-35, CNAM_KID))).qr()))),
                f(Reason.UNSUPPORTED_ALG, when("credential alg -999 (cose-wg sign-fail-03)", fx -> fx.qr(fx.present(MARIE)
                        .credentialEnvelope(b -> b.protectedHeader(CoseHeaders.algAndKid(-999, CNAM_KID))).qr()))),
                f(Reason.UNSUPPORTED_ALG, when("credential alg as text (cose-wg sign-fail-04)", fx -> fx.qr(fx.present(MARIE)
                        .credentialEnvelope(b -> b.protectedHeader(Cbor.map().put(1, Cbor.text("ES256")).put(4, Cbor.bytes(CNAM_KID))))
                        .qr()))),
                f(Reason.UNSUPPORTED_ALG, when("presentation alg ES384 (-35)", fx -> fx.qr(fx.present(MARIE)
                        .envelope(b -> b.protectedHeader(CoseHeaders.alg(-35))).qr()))),
                f(Reason.UNSUPPORTED_ALG, when("presentation alg as text", fx -> fx.qr(fx.present(MARIE)
                        .envelope(b -> b.protectedHeader(Cbor.map().put(1, Cbor.text("ES256")))).qr()))),
                f(Reason.UNSUPPORTED_ALG, when("CO27: RSA alg PS256 (-37) over an ECDSA credential signature",
                        fx -> fx.qr(fx.present(MARIE)
                                .credentialEnvelope(b -> b.protectedHeader(CoseHeaders.algAndKid(-37, CNAM_KID))).qr()))),
                // CO24 and Wycheproof-style lengths: the signature never reaches the verifier
                f(Reason.FORMAT, when("credential signature of 65 bytes", "64 bytes", fx -> fx.qr(fx.present(MARIE)
                        .credentialEnvelope(b -> b.changeSignature(SignatureTweaks.appendZeroByte())).qr()))),
                f(Reason.FORMAT, when("credential signature of 63 bytes", "64 bytes", fx -> fx.qr(fx.present(MARIE)
                        .credentialEnvelope(b -> b.changeSignature(SignatureTweaks.truncate(63))).qr()))),
                f(Reason.FORMAT, when("credential signature of 2 bytes", "64 bytes", fx -> fx.qr(fx.present(MARIE)
                        .credentialEnvelope(b -> b.changeSignature(SignatureTweaks.truncate(2))).qr()))),
                f(Reason.FORMAT, when("credential signature empty", "64 bytes", fx -> fx.qr(fx.present(MARIE)
                        .credentialEnvelope(b -> b.replaceSignature(new byte[0])).qr()))),
                f(Reason.FORMAT, when("CO24: credential signature of 1000 bytes", "64 bytes", fx -> fx.qr(fx.present(MARIE)
                        .credentialEnvelope(b -> b.replaceSignature(new byte[1000])).qr()))),
                f(Reason.FORMAT, when("credential signature DER-encoded", "64 bytes", fx -> fx.qr(fx.present(MARIE)
                        .credentialEnvelope(CoseSign1Builder::derSignature).qr()))),
                f(Reason.FORMAT, when("EdDSA credential signature of 65 bytes", "64 bytes", fx -> fx.qr(fx.present(WORLD.msaFarmer())
                        .credentialEnvelope(b -> b.changeSignature(SignatureTweaks.appendZeroByte())).qr()))),
                f(Reason.FORMAT, when("presentation signature of 65 bytes", "64 bytes", fx -> fx.qr(fx.present(MARIE)
                        .envelope(b -> b.changeSignature(SignatureTweaks.appendZeroByte())).qr()))),
                f(Reason.FORMAT, when("presentation signature of 2 bytes", "64 bytes", fx -> fx.qr(fx.present(MARIE)
                        .envelope(b -> b.changeSignature(SignatureTweaks.truncate(2))).qr()))),
                f(Reason.FORMAT, when("presentation signature DER-encoded", "64 bytes", fx -> fx.qr(fx.present(MARIE)
                        .envelope(CoseSign1Builder::derSignature).qr()))),
                // CO25 / CO26: kid sizes
                f(Reason.FORMAT, when("kid of 7 bytes", "8-byte kid", fx -> fx.qr(fx.present(MARIE).credentialEnvelope(
                        b -> b.protectedHeader(CoseHeaders.algAndKid(-7, Arrays.copyOf(CNAM_KID, 7)))).qr()))),
                f(Reason.FORMAT, when("kid of 9 bytes", "8-byte kid", fx -> fx.qr(fx.present(MARIE).credentialEnvelope(
                        b -> b.protectedHeader(CoseHeaders.algAndKid(-7, Arrays.copyOf(CNAM_KID, 9)))).qr()))),
                f(Reason.FORMAT, when("kid as text", "8-byte kid", fx -> fx.qr(fx.present(MARIE).credentialEnvelope(
                        b -> b.protectedHeader(CoseHeaders.alg(-7).put(4, Cbor.text("90520d70")))).qr()))),
                // header placement (CO20 equivalents)
                f(Reason.FORMAT, when("credential alg only in the unprotected header", "protected header",
                        fx -> fx.qr(fx.present(MARIE).credentialEnvelope(b -> b
                                .protectedHeader(Cbor.map().put(4, Cbor.bytes(CNAM_KID)))
                                .unprotectedHeader(CoseHeaders.alg(-7))).qr()))),
                f(Reason.FORMAT, when("credential kid only in the unprotected header", "protected header",
                        fx -> fx.qr(fx.present(MARIE).credentialEnvelope(b -> b
                                .protectedHeader(CoseHeaders.alg(-7))
                                .unprotectedHeader(Cbor.map().put(4, Cbor.bytes(CNAM_KID)))).qr()))),
                f(Reason.FORMAT, when("presentation alg only unprotected, protected empty", "protected header",
                        fx -> fx.qr(fx.present(MARIE).envelope(b -> b
                                .protectedHeaderBytes(new byte[0]).unprotectedHeader(CoseHeaders.alg(-7))).qr()))),
                f(Reason.FORMAT, when("presentation alg only unprotected, protected an encoded {}", "protected header",
                        fx -> fx.qr(fx.present(MARIE).envelope(b -> b
                                .protectedHeader(Cbor.map()).unprotectedHeader(CoseHeaders.alg(-7))).qr()))),
                f(Reason.FORMAT, when("credential unprotected header not empty", "unprotected",
                        fx -> fx.qr(fx.present(MARIE).credentialEnvelope(b -> b
                                .unprotectedHeader(Cbor.map().put(99, Cbor.integer(0)))).qr()))),
                f(Reason.FORMAT, when("presentation unprotected header repeats the alg", "unprotected",
                        fx -> fx.qr(fx.present(MARIE).envelope(b -> b.unprotectedHeader(CoseHeaders.alg(-7))).qr()))),
                f(Reason.FORMAT, when("presentation unprotected header is an array", "unprotected",
                        fx -> fx.qr(fx.present(MARIE).envelope(b -> b.unprotectedHeader(Cbor.array())).qr()))),
                f(Reason.FORMAT, when("credential protected header with content type (3)", "protected header",
                        fx -> fx.qr(fx.present(MARIE).credentialEnvelope(b -> b.protectedHeader(
                                CoseHeaders.algAndKid(-7, CNAM_KID).put(3, Cbor.text("application/cbor")))).qr()))),
                f(Reason.FORMAT, when("credential protected header with crit (2)", "protected header",
                        fx -> fx.qr(fx.present(MARIE).credentialEnvelope(b -> b.protectedHeader(
                                CoseHeaders.algAndKid(-7, CNAM_KID).put(2, Cbor.array(Cbor.integer(4))))).qr()))),
                f(Reason.FORMAT, when("presentation protected header with a kid", "protected header",
                        fx -> fx.qr(fx.present(MARIE).envelope(b -> b.protectedHeader(
                                CoseHeaders.algAndKid(-7, MARIE.credential().deviceKey().kid()))).qr()))),
                f(Reason.FORMAT, when("presentation protected header without alg", "protected header",
                        fx -> fx.qr(fx.present(MARIE).envelope(b -> b.protectedHeader(
                                Cbor.map().put(4, Cbor.bytes(new byte[8])))).qr()))),
                f(Reason.FORMAT, when("protected header is not a map", "protected header",
                        fx -> fx.qr(fx.present(MARIE).envelope(b -> b.protectedHeader(Cbor.array(Cbor.integer(1)))).qr()))),
                // duplicate map keys
                f(Reason.FORMAT, when("duplicate alg in the presentation protected header", "duplicate",
                        fx -> fx.qr(fx.present(MARIE).envelope(b -> b.protectedHeader(
                                CoseHeaders.alg(-7).putDuplicate(1, Cbor.integer(-7)))).qr()))),
                f(Reason.FORMAT, when("duplicate kid in the credential protected header", "duplicate",
                        fx -> fx.qr(fx.present(MARIE).credentialEnvelope(b -> b.protectedHeader(
                                CoseHeaders.algAndKid(-7, CNAM_KID).putDuplicate(4, Cbor.bytes(CNAM_KID)))).qr()))),
                f(Reason.FORMAT, when("duplicate iat in the presentation claims", "duplicate",
                        fx -> fx.qr(fx.present(MARIE).presentationClaims(
                                c -> c.putDuplicate(PresentationClaims.IAT, Cbor.integer(epoch(NOW)))).qr()))),
                f(Reason.FORMAT, when("duplicate exp in the credential claims (signed)", "duplicate",
                        fx -> fx.qr(fx.present(MARIE).credentialClaims(c -> c.putDuplicate(CredentialClaims.EXP,
                                Cbor.integer(epoch(NOW.plus(Duration.ofDays(3000)))))).qr()))),
                f(Reason.FORMAT, when("duplicate NIR key in the insured (signed)", "duplicate",
                        fx -> fx.qr(fx.present(MARIE).insured(i -> i.putDuplicate(2, Cbor.integer(1))).qr()))),
                f(Reason.DISCLOSURE_INVALID, when("duplicate nom usuel in the beneficiary", "duplicate",
                        fx -> beneficiaryMap(fx, m -> m.putDuplicate(BeneficiarySpec.NOM_USUEL, Cbor.text("MARTIN"))))),
                // indefinite lengths
                f(Reason.FORMAT, when("indefinite-length COSE_Sign1 array", "indefinite",
                        fx -> fx.qrBytes(Cbor.tag(18, asIndefinite(fx.present(MARIE).signedArray())).encode()))),
                f(Reason.FORMAT, when("indefinite-length disclosure list", "indefinite",
                        fx -> fx.qr(fx.present(MARIE).presentationClaims(c -> c.put(PresentationClaims.DISCLOSURES,
                                Cbor.indefiniteArray(Cbor.bytes(MARIE.credential().disclosure(0))))).qr()))),
                f(Reason.FORMAT, when("indefinite-length nonce", "indefinite",
                        fx -> fx.qr(fx.present(MARIE).presentationClaims(c -> c.put(PresentationClaims.NONCE,
                                Cbor.indefiniteBytes(new byte[8], new byte[8]))).qr()))),
                f(Reason.FORMAT, when("indefinite-length credential claims map (signed)", "indefinite",
                        fx -> fx.qr(fx.present(MARIE).credentialBytes(WORLD.cnam().credentialSigner(MARIE.credential().claims())
                                .payload(Cbor.indefiniteMap(MARIE.credential().claims()).encode()).sign().encode()).qr()))),
                f(Reason.DISCLOSURE_INVALID, when("indefinite-length text in the beneficiary", "indefinite",
                        fx -> beneficiaryMap(fx, m -> m.put(BeneficiarySpec.NOM_USUEL, Cbor.indefiniteText("DU", "PONT"))))),
                // nesting depth: 8 levels decode, 9 do not
                f(Reason.FORMAT, when("credential claims 9 levels deep (signed)", "nesting",
                        fx -> fx.qr(fx.present(MARIE).credentialClaims(c -> c.put(CredentialClaims.ISS, nested(8))).qr()))),
                f(Reason.FORMAT, when("presentation claims 9 levels deep", "nesting",
                        fx -> fx.qr(fx.present(MARIE).presentationClaims(c -> c.put(PresentationClaims.NONCE, nested(8))).qr()))),
                f(Reason.FORMAT, when("presentation COSE item 9 levels deep (unprotected header)", "nesting",
                        fx -> fx.qr(fx.present(MARIE).envelope(b -> b.unprotectedHeader(
                                Cbor.map().put(1, nested(6)))).qr()))),
                f(Reason.DISCLOSURE_INVALID, when("beneficiary 9 levels deep", "nesting",
                        fx -> beneficiaryMap(fx, m -> m.put(BeneficiarySpec.NOM_USUEL, nested(7))))),
                // tags
                f(Reason.FORMAT, when("presentation tagged 998 instead of 18", "tag",
                        fx -> fx.qr(fx.present(MARIE).envelope(b -> b.tag(998)).qr()))),
                f(Reason.FORMAT, when("presentation tagged 998 around tag 18", "tag",
                        fx -> fx.qrBytes(Cbor.tag(998, Cbor.raw(fx.present(MARIE).bytes())).encode()))),
                f(Reason.FORMAT, when("presentation tagged 61 (CWT) around tag 18", "tag",
                        fx -> fx.qrBytes(Cbor.tag(61, Cbor.raw(fx.present(MARIE).bytes())).encode()))),
                f(Reason.FORMAT, when("presentation tagged 98 (COSE_Sign)", "tag",
                        fx -> fx.qr(fx.present(MARIE).envelope(b -> b.tag(98)).qr()))),
                f(Reason.FORMAT, when("presentation untagged", "tag 18 missing",
                        fx -> fx.qr(fx.present(MARIE).envelope(CoseSign1Builder::untagged).qr()))),
                f(Reason.FORMAT, when("credential untagged", "tag 18 missing",
                        fx -> fx.qr(fx.present(MARIE).credentialEnvelope(CoseSign1Builder::untagged).qr()))),
                f(Reason.FORMAT, when("credential tagged 998", "tag",
                        fx -> fx.qr(fx.present(MARIE).credentialEnvelope(b -> b.tag(998)).qr()))),
                f(Reason.FORMAT, when("credential tagged 998 around tag 18", "tag",
                        fx -> fx.qr(fx.present(MARIE).credentialBytes(
                                Cbor.tag(998, Cbor.raw(MARIE.credential().credential())).encode()).qr()))),
                f(Reason.FORMAT, when("tag 998 on the presentation iat", "tag",
                        fx -> fx.qr(fx.present(MARIE).presentationClaims(c -> c.put(PresentationClaims.IAT,
                                Cbor.tag(998, Cbor.integer(epoch(NOW))))).qr()))),
                f(Reason.FORMAT, when("tag 1 (epoch time) on the credential exp (signed)", "tag",
                        fx -> fx.qr(fx.present(MARIE).credentialClaims(c -> c.put(CredentialClaims.EXP,
                                Cbor.tag(1, Cbor.integer(epoch(NOW.plus(Duration.ofDays(3))))))).qr()))),
                f(Reason.FORMAT, when("tag 998 in the credential protected header", "tag",
                        fx -> fx.qr(fx.present(MARIE).credentialEnvelope(b -> b.protectedHeader(
                                Cbor.map().put(1, Cbor.tag(998, Cbor.integer(-7))).put(4, Cbor.bytes(CNAM_KID)))).qr()))),
                f(Reason.FORMAT, when("tag 18 inside the presentation claims", "tag",
                        fx -> fx.qr(fx.present(MARIE).presentationClaims(c -> c.put(PresentationClaims.CREDENTIAL,
                                Cbor.tag(18, Cbor.bytes(MARIE.credential().credential())))).qr()))),
                f(Reason.DISCLOSURE_INVALID, when("tag 998 in the beneficiary", "tag",
                        fx -> beneficiaryMap(fx, m -> m.put(BeneficiarySpec.RANG, Cbor.tag(998, Cbor.integer(1)))))),
                // floats and other simple values
                f(Reason.FORMAT, when("float64 exp (signed)", "floating",
                        fx -> fx.qr(fx.present(MARIE).credentialClaims(c -> c.put(CredentialClaims.EXP,
                                Cbor.float64(epoch(NOW.plus(Duration.ofDays(3)))))).qr()))),
                f(Reason.FORMAT, when("float32 exp (signed)", "floating",
                        fx -> fx.qr(fx.present(MARIE).credentialClaims(c -> c.put(CredentialClaims.EXP,
                                Cbor.float32(epoch(NOW.plus(Duration.ofDays(3)))))).qr()))),
                f(Reason.FORMAT, when("float16 nbf (signed)", "floating",
                        fx -> fx.qr(fx.present(MARIE).credentialClaims(c -> c.put(CredentialClaims.NBF,
                                Cbor.float16(1.0f))).qr()))),
                f(Reason.FORMAT, when("float64 presentation iat", "floating",
                        fx -> fx.qr(fx.present(MARIE).presentationClaims(c -> c.put(PresentationClaims.IAT,
                                Cbor.float64(epoch(NOW) + 0.5))).qr()))),
                f(Reason.FORMAT, when("byte-string map key in the presentation claims", "map key",
                        fx -> fx.qr(fx.present(MARIE).presentationClaims(c -> c.put(Cbor.bytes(new byte[] {1}),
                                Cbor.integer(0))).qr()))),
                f(Reason.FORMAT, when("undefined as the channel", "undefined",
                        fx -> fx.qr(fx.present(MARIE).presentationClaims(c -> c.put(PresentationClaims.CHANNEL,
                                Cbor.undefined())).qr()))),
                f(Reason.FORMAT, when("null as the demo flag (signed)", "key 5",
                        fx -> fx.qr(fx.present(MARIE).vitaleData(d -> d.put(CredentialClaims.DATA_DEMO, Cbor.nul())).qr()))),
                f(Reason.FORMAT, when("iss not valid UTF-8 (signed)", "UTF-8",
                        fx -> fx.qr(fx.present(MARIE).credentialClaims(c -> c.put(CredentialClaims.ISS,
                                Cbor.raw(new byte[] {0x62, (byte) 0xC3, 0x28}))).qr()))),
                f(Reason.FORMAT, when("64-bit negative integer beyond long as iat", "64-bit",
                        fx -> fx.qr(fx.present(MARIE).presentationClaims(c -> c.put(PresentationClaims.IAT,
                                Cbor.raw(new byte[] {0x3B, (byte) 0xFF, -1, -1, -1, -1, -1, -1, -1}))).qr()))),
                f(Reason.FORMAT, when("trailing byte after the presentation item", "after the item",
                        fx -> {
                            byte[] bytes = fx.present(MARIE).bytes();
                            return fx.qrBytes(Arrays.copyOf(bytes, bytes.length + 1));
                        })),
                f(Reason.FORMAT, when("trailing byte after the credential item", "after the item",
                        fx -> {
                            byte[] credential = MARIE.credential().credential();
                            return fx.qr(fx.present(MARIE).credentialBytes(Arrays.copyOf(credential, credential.length + 1)).qr());
                        })),
                // validity against the key
                f(Reason.KEY_NOT_VALID, when("exp beyond the key's validity", fx -> fx.qr(fx.present(MARIE)
                        .credentialClaims(c -> c.put(CredentialClaims.EXP,
                                Cbor.integer(epoch(WORLD.cnam().keyEntry().validUntil()) + 1))).qr()))));
    }

    private static Stream<Case> negativesGiving(Reason reason) {
        return negatives().filter(a -> a.get()[0] == reason).map(a -> (Case) a.get()[1]);
    }

    static Stream<Case> unsupportedAlg() {
        return negativesGiving(Reason.UNSUPPORTED_ALG);
    }

    static Stream<Case> format() {
        return negativesGiving(Reason.FORMAT);
    }

    static Stream<Case> disclosureInvalid() {
        return negativesGiving(Reason.DISCLOSURE_INVALID);
    }

    static Stream<Case> keyNotValid() {
        return negativesGiving(Reason.KEY_NOT_VALID);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedAlg")
    @Covers(Reason.UNSUPPORTED_ALG)
    void unsupportedAlgVector(Case c) {
        assertCase(Reason.UNSUPPORTED_ALG, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("format")
    @Covers(Reason.FORMAT)
    void formatVector(Case c) {
        assertCase(Reason.FORMAT, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disclosureInvalid")
    @Covers(Reason.DISCLOSURE_INVALID)
    void disclosureInvalidVector(Case c) {
        assertCase(Reason.DISCLOSURE_INVALID, c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyNotValid")
    @Covers(Reason.KEY_NOT_VALID)
    void keyNotValidVector(Case c) {
        assertCase(Reason.KEY_NOT_VALID, c);
    }

    @Test
    void derSignaturesAreNot64Bytes() {
        // the vector is only meaningful if the DER form really differs in length (70-72 bytes)
        byte[] der = WORLD.cnam().credentialSigner(MARIE.credential().claims()).derSignature().sign().signature();
        assertNotEquals(64, der.length);
        assertEquals(0x30, der[0] & 0xFF, "an ASN.1 SEQUENCE");
    }

    @Test
    @Covers(Reason.OK)
    void nonShortestIntegersAreTolerated() {
        // vt1-format §11: the terminal does not insist on a canonical encoding (signed bytes are never re-encoded)
        assertAccepted(fx.qr(fx.present(MARIE)
                .credentialClaims(c -> c.put(CredentialClaims.IAT, Cbor.integerWithArgumentBytes(
                        epoch(MARIE.credential().issuedAt()), 8)))
                .presentationClaims(c -> c.put(PresentationClaims.CHANNEL, Cbor.integerWithArgumentBytes(1, 4)))
                .qr()));
    }

    @Test
    @Covers({Reason.FORMAT, Reason.OK})
    void eightLevelsOfNestingDecode() {
        // one level less than the depth-9 vectors: now the decoder reads it and the type check refuses it
        VerificationResult.Rejected rejected = assertReason(Reason.FORMAT, "key 1 is not text", fx.qr(fx.present(MARIE)
                .credentialClaims(c -> c.put(CredentialClaims.ISS, nested(7))).qr()));
        assertTrue(!rejected.detail().contains("nesting"));
        assertReason(Reason.DISCLOSURE_INVALID, "key 1 is not text",
                beneficiaryMap(fx, m -> m.put(BeneficiarySpec.NOM_USUEL, nested(6))));
        assertAccepted(fx.qr(fx.present(MARIE).qr()));
    }

    // ---- zlib and Base45 ----

    @Test
    @Covers(Reason.TOO_LARGE)
    void zlibBombOver64KiB() {
        byte[] bomb = Zlib.compress(new byte[70_000]);
        assertTrue(bomb.length < 200, "a few bytes that inflate to 70 kB");
        assertReason(Reason.TOO_LARGE, "inflated size", fx.qr("VT1:" + Base45Encoder.encode(bomb)));
        byte[] megabyte = Zlib.compress(new byte[1 << 20]);
        assertReason(Reason.TOO_LARGE, "inflated size", fx.qr("VT1:" + Base45Encoder.encode(megabyte)));
    }

    @Test
    @Covers({Reason.FORMAT, Reason.OK})
    void zlibWithTrailingBytes() {
        byte[] zlib = Zlib.compress(fx.present(MARIE).bytes());
        assertAccepted(fx.qr("VT1:" + Base45Encoder.encode(zlib)));
        byte[] trailing = Arrays.copyOf(zlib, zlib.length + 1);
        assertReason(Reason.FORMAT, "after the end", fx.qr("VT1:" + Base45Encoder.encode(trailing)));
        byte[] second = Zlib.compress(fx.present(MARIE).bytes());
        byte[] two = Arrays.copyOf(second, second.length * 2);
        System.arraycopy(second, 0, two, second.length, second.length);
        assertReason(Reason.FORMAT, "after the end", fx.qr("VT1:" + Base45Encoder.encode(two)));
    }

    @Test
    @Covers(Reason.FORMAT)
    void zlibWithAWrongChecksum() {
        byte[] zlib = Zlib.compress(fx.present(MARIE).bytes());
        zlib[zlib.length - 1] ^= 1;
        assertReason(Reason.FORMAT, "zlib", fx.qr("VT1:" + Base45Encoder.encode(zlib)));
    }

    @Test
    @Covers(Reason.FORMAT)
    void base45TripleAbove65535() {
        String base45 = fx.present(MARIE).qr().substring(4);
        // "GGW" = 16 + 16*45 + 32*2025 = 65536; "FGW" = 65535 is the largest triple
        assertReason(Reason.FORMAT, "above 65535", fx.qr("VT1:GGW" + base45));
        VerificationResult.Rejected largest = assertReason(Reason.FORMAT, fx.qr("VT1:FGW" + base45));
        assertTrue(largest.detail().startsWith("zlib"), () -> "FGW decodes (to FF FF, not a zlib header): " + largest.detail());
        // a final pair: "V5" = 31 + 5*45 = 256; "U5" = 255 is the largest
        assertReason(Reason.FORMAT, "above 255", fx.qr("VT1:V5"));
        assertTrue(assertReason(Reason.FORMAT, fx.qr("VT1:U5")).detail().startsWith("zlib"));
    }

    // ---- sizes ----

    @Test
    @Covers(Reason.TOO_LARGE)
    void presentationAndTextSizeLimits() {
        byte[] challenge = fx.nonce();
        byte[] big = fx.present(MARIE).forNfc(challenge)
                .listAndDisclose(disclosureOf(marie().prenom("M".repeat(4200)).build().toCbor())).bytes();
        assertTrue(big.length > 4096);
        assertReason(Reason.TOO_LARGE, fx.nfc(big, challenge));
        assertReason(Reason.TOO_LARGE, fx.qr("VT1:" + "A".repeat(4093)));
    }

    // ---- terminal state ----

    @Test
    @Covers(Reason.CLOCK_UNTRUSTED)
    void clockUnknown() {
        Vt1Fixture unknownClock = fx.withUntrustedClock();
        assertReason(Reason.CLOCK_UNTRUSTED, unknownClock.qr(unknownClock.present(MARIE).qr()));
    }

    @Test
    @Covers({Reason.TRUST_LIST_STALE, Reason.OK})
    void expiredTrustListIsStaleAfterTheGraceAndUsableWithin() {
        Instant exp = Vt1Fixture.TRUST_LIST.expiresAt();
        Instant withinGrace = exp.plus(Duration.ofHours(1));
        assertAccepted(fx.qrAt(fx.present(MARIE).at(withinGrace).qr(), withinGrace));
        Instant afterGrace = exp.plus(Duration.ofHours(72)).plusSeconds(1);
        assertReason(Reason.TRUST_LIST_STALE, fx.qrAt(fx.present(MARIE).at(afterGrace).qr(), afterGrace));
    }

    @Test
    void everyVectorIsRejectedAndNoneCrashes() {
        // an accepted negative is worse than a rejected positive: run them all once more, in one terminal
        Vt1Fixture terminal = Vt1Fixture.create();
        List<Arguments> all = negatives().toList();
        assertTrue(all.size() >= 60, "the F list is complete");
        for (Arguments arguments : all) {
            Case c = (Case) arguments.get()[1];
            VerificationResult result = c.run().apply(terminal);
            assertTrue(result instanceof VerificationResult.Rejected, () -> c + " was accepted");
            assertTrue(!((VerificationResult.Rejected) result).detail().contains("internal error"),
                    () -> c + " hit an internal error");
        }
    }

}
