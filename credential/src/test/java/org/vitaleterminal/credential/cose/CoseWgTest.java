package org.vitaleterminal.credential.cose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitaleterminal.sim.cbor.Cbor.array;
import static org.vitaleterminal.sim.cbor.Cbor.bytes;
import static org.vitaleterminal.sim.cbor.Cbor.integer;
import static org.vitaleterminal.sim.cbor.Cbor.map;
import static org.vitaleterminal.sim.cbor.Cbor.raw;
import static org.vitaleterminal.sim.cbor.Cbor.tag;
import static org.vitaleterminal.sim.cbor.Cbor.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborArray;
import org.vitaleterminal.credential.cbor.CborBytes;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborInteger;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborMap;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.credential.cbor.CborTag;
import org.vitaleterminal.credential.cbor.CborText;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.PublicKeys;
import org.vitaleterminal.credential.crypto.VerificationKey;
import org.vitaleterminal.testing.PublicSuites;

/**
 * The COSE WG examples (cose-wg/Examples, signed-qr.md §2.1, §5.4 suite E) through our decoder,
 * {@link CoseSign1} and the keys of {@link PublicKeys}, compared with each file's {@code fail}
 * flag. Where our profile deliberately disagrees with a positive example the case is listed in
 * {@link #EXPECTED} with the reason, and the exact rejection is asserted so that the list cannot
 * silently go stale.
 */
class CoseWgTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /** What our verifier must answer for each file: {@code null} reason = accepted. */
    private record Expected(boolean failFlag, Reason reason, String override) {
        static Expected accept() {
            return new Expected(false, null, null);
        }

        static Expected reject(Reason reason) {
            return new Expected(true, reason, null);
        }

        static Expected override(Reason reason, String why) {
            return new Expected(false, reason, why);
        }
    }

    private static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();

    static {
        // sign1-tests: negatives, each refused for the reason the file describes
        EXPECTED.put("sign1-tests/sign-fail-01.json", Expected.reject(Reason.FORMAT)); // tag 998: refused by the decoder
        EXPECTED.put("sign1-tests/sign-fail-02.json", Expected.reject(Reason.BAD_SIGNATURE)); // payload changed
        EXPECTED.put("sign1-tests/sign-fail-03.json", Expected.reject(Reason.UNSUPPORTED_ALG)); // alg -999
        EXPECTED.put("sign1-tests/sign-fail-04.json", Expected.reject(Reason.UNSUPPORTED_ALG)); // alg "unknown"
        EXPECTED.put("sign1-tests/sign-fail-06.json", Expected.reject(Reason.BAD_SIGNATURE)); // protected attr added
        EXPECTED.put("sign1-tests/sign-fail-07.json", Expected.reject(Reason.BAD_SIGNATURE)); // protected attr removed
        // sign1-tests: positives
        EXPECTED.put("sign1-tests/sign-pass-01.json", Expected.override(Reason.FORMAT,
                "alg only in the unprotected header (protected = encoded empty map a0): VT1 §4.3 and HC1 §6 require a"
                        + " protected alg; the generic Sig_structure with the empty-header normalisation still verifies"));
        EXPECTED.put("sign1-tests/sign-pass-02.json", Expected.accept()); // external AAD
        EXPECTED.put("sign1-tests/sign-pass-03.json", Expected.accept()); // untagged (HC1 leniency)
        // ECDSA
        EXPECTED.put("ecdsa-examples/ecdsa-sig-01.json", Expected.accept());
        EXPECTED.put("ecdsa-examples/ecdsa-sig-02.json", Expected.override(Reason.UNSUPPORTED_ALG,
                "ES384 (-35) on P-384: only ES256, EdDSA (Ed25519) and PS256 are on our allow-list"));
        EXPECTED.put("ecdsa-examples/ecdsa-sig-03.json", Expected.override(Reason.UNSUPPORTED_ALG,
                "ES512 (-36) on P-521: not on our allow-list"));
        EXPECTED.put("ecdsa-examples/ecdsa-sig-04.json", Expected.override(Reason.UNSUPPORTED_ALG,
                "ES512 (-36) over a P-256 key: a curve/hash mismatch a strict profile refuses (signed-qr.md §2.1)"));
        // EdDSA
        EXPECTED.put("eddsa-examples/eddsa-sig-01.json", Expected.accept());
        EXPECTED.put("eddsa-examples/eddsa-sig-02.json", Expected.override(Reason.UNSUPPORTED_ALG,
                "EdDSA over Ed448 (crv 7): our EdDSA is Ed25519 only; PublicKeys refuses the key"));
        // RFC 8392 A.3
        EXPECTED.put("CWT/A_3.json", Expected.accept());
    }

    /** COSE_Sign (tag 98), not COSE_Sign1: outside this suite's subject, checked separately below. */
    private static final Set<String> NOT_SIGN1 = Set.of(
            "rsa-pss-examples/rsa-pss-01.json", "rsa-pss-examples/rsa-pss-02.json", "rsa-pss-examples/rsa-pss-03.json");

    @TestFactory
    List<DynamicNode> sign1Examples() throws IOException {
        Path root = PublicSuites.resolve("cose-wg");
        List<String> files = new ArrayList<>();
        files.addAll(glob(root, "sign1-tests", "*.json"));
        files.addAll(glob(root, "ecdsa-examples", "ecdsa-sig-0*.json"));
        files.addAll(glob(root, "eddsa-examples", "eddsa-sig-0*.json"));
        files.addAll(glob(root, "rsa-pss-examples", "*.json"));
        files.add("CWT/A_3.json");

        Set<String> expectedFiles = new TreeSet<>(EXPECTED.keySet());
        expectedFiles.addAll(NOT_SIGN1);
        assertEquals(expectedFiles, new TreeSet<>(files), "the example files changed: review the expectation table");

        int[] tally = new int[5]; // sign1, negatives rejected, positives accepted, overrides, not-sign1
        List<DynamicNode> nodes = new ArrayList<>();
        for (String file : files) {
            JsonNode example = JSON.readTree(root.resolve(file).toFile());
            if (NOT_SIGN1.contains(file)) {
                nodes.add(DynamicTest.dynamicTest(file + " is COSE_Sign, not Sign1", () -> {
                    CborItem item = CborDecoder.decode(hex(example.at("/output/cbor")),
                            new CborProfile(8, Set.of(98L)));
                    assertEquals(98L, assertInstanceOf(CborTag.class, item).tag());
                    Rejection rejection = assertThrows(Rejection.class,
                            () -> CoseSign1.parse(item, CoseSign1.Tagging.LENIENT_HCERT, CborProfile.VT1_PAYLOAD));
                    assertEquals(Reason.FORMAT, rejection.reason());
                    tally[4]++;
                }));
                continue;
            }
            Expected expected = EXPECTED.get(file);
            nodes.add(DynamicTest.dynamicTest(file + " — " + example.path("title").asText(), () -> {
                boolean failFlag = example.path("fail").asBoolean(false);
                assertEquals(expected.failFlag(), failFlag, "fail flag in " + file);
                Reason outcome = run(example);
                tally[0]++;
                if (expected.override() != null) {
                    System.out.println("cose-wg override " + file + ": " + outcome + " — " + expected.override());
                    assertEquals(expected.reason(), outcome, file + " (documented override)");
                    tally[3]++;
                } else if (failFlag) {
                    assertEquals(expected.reason(), outcome, file + " must be rejected for the expected reason");
                    tally[1]++;
                } else {
                    assertEquals(Reason.OK, outcome, file + " must verify");
                    // and the bytes we signed over are exactly the example's ToBeSign
                    CoseSign1 message = Sign1Harness.decodeAndParse(hex(example.at("/output/cbor")));
                    assertArrayEquals(hex(example.at("/intermediates/ToBeSign_hex")),
                            message.toBeSigned(externalAad(example)), "Sig_structure of " + file);
                    tally[2]++;
                }
            }));
        }
        nodes.add(DynamicTest.dynamicTest("summary", () -> {
            String line = String.format("cose-wg: %d files, %d Sign1 (%d negatives rejected, %d positives verified,"
                    + " %d documented overrides), %d COSE_Sign skipped", files.size(), tally[0], tally[1], tally[2],
                    tally[3], tally[4]);
            System.out.println(line);
            assertEquals(19, files.size(), line);
            assertEquals(16, tally[0], line);
            assertEquals(6, tally[1], line);
            assertEquals(5, tally[2], line);
            assertEquals(5, tally[3], line);
            assertEquals(3, tally[4], line);
        }));
        return nodes;
    }

    /** Our whole pipeline on one example: OK or the rejection's reason. */
    private static Reason run(JsonNode example) {
        try {
            CoseSign1 message = Sign1Harness.decodeAndParse(hex(example.at("/output/cbor")));
            CoseAlgorithm algorithm = Sign1Harness.protectedAlgorithm(message);
            VerificationKey key = keyFromJwk(example.at("/input/sign0/key"));
            Sign1Harness.verify(message, algorithm, key, externalAad(example));
            return Reason.OK;
        } catch (Rejection e) {
            return e.reason();
        }
    }

    // ------------------------------------------------------------ the overrides, one by one

    /**
     * sign-pass-01: protected = {@code h'a0'}, alg only unprotected. The generic COSE rule (an
     * encoded empty map is signed as a zero-length string) makes the signature verify; the
     * profile rule (alg must be protected) refuses the message.
     */
    @Test
    void signPass01VerifiesGenericallyButNotUnderOurPolicy() throws Exception {
        JsonNode example = example("sign1-tests/sign-pass-01.json");
        CoseSign1 message = Sign1Harness.decodeAndParse(hex(example.at("/output/cbor")));
        assertArrayEquals(new byte[] {(byte) 0xA0}, message.protectedBytes());
        assertEquals(0, message.protectedHeader().size());
        assertEquals(new CborInteger(-7), message.unprotected().get(CoseSign1.HEADER_ALG));

        Rejection policy = assertThrows(Rejection.class, () -> Sign1Harness.protectedAlgorithm(message));
        assertEquals(Reason.FORMAT, policy.reason());

        VerificationKey key = keyFromJwk(example.at("/input/sign0/key"));
        byte[] toBeSigned = message.toBeSigned(new byte[0]);
        assertArrayEquals(hex(example.at("/intermediates/ToBeSign_hex")), toBeSigned);
        assertTrue(key.verify(toBeSigned, message.signature()), "generic Sig_structure (normalised) verifies");
        // without the normalisation the signature covers different bytes and fails
        byte[] literal = SigStructure.signature1(message.protectedBytes(), new byte[0], message.payload());
        assertFalse(key.verify(literal, message.signature()));
    }

    /** ecdsa-sig-04: the key is P-256, so only the header alg stops it; and ES256 does not accept the SHA-512 signature. */
    @Test
    void ecdsaSig04Es512OverP256() throws Exception {
        JsonNode example = example("ecdsa-examples/ecdsa-sig-04.json");
        CoseSign1 message = Sign1Harness.decodeAndParse(hex(example.at("/output/cbor")));
        assertEquals(new CborInteger(-36), message.protectedHeader().get(CoseSign1.HEADER_ALG));
        assertEquals(Reason.UNSUPPORTED_ALG,
                assertThrows(Rejection.class, () -> Sign1Harness.protectedAlgorithm(message)).reason());
        VerificationKey p256 = keyFromJwk(example.at("/input/sign0/key"));
        assertEquals(CoseAlgorithm.ES256, p256.algorithm());
        assertEquals(64, message.signature().length);
        assertFalse(p256.verify(message.toBeSigned(new byte[0]), message.signature()),
                "an ES512 signature must not verify as ES256 with the same key");
    }

    /** ES384/ES512 and Ed448 keys are refused by PublicKeys itself, whatever the header says. */
    @Test
    void foreignCurvesAreRefusedAsKeys() throws Exception {
        for (String file : List.of("ecdsa-examples/ecdsa-sig-02.json", "ecdsa-examples/ecdsa-sig-03.json",
                "eddsa-examples/eddsa-sig-02.json")) {
            JsonNode jwk = example(file).at("/input/sign0/key");
            Rejection rejection = assertThrows(Rejection.class, () -> keyFromJwk(jwk), file);
            assertEquals(Reason.UNSUPPORTED_ALG, rejection.reason(), file);
        }
    }

    /** sign-fail-01: the signature is mathematically valid; only tag 998 makes it a failure. */
    @Test
    void signFail01IsRejectedForItsTagOnly() throws Exception {
        JsonNode example = example("sign1-tests/sign-fail-01.json");
        byte[] wire = hex(example.at("/output/cbor"));
        assertEquals(Reason.FORMAT, assertThrows(Rejection.class, () -> Sign1Harness.decodeAndParse(wire)).reason());
        // with 998 allowed by the decoder, COSE_Sign1 parsing still refuses the tag
        CborItem item = CborDecoder.decode(wire, new CborProfile(8, Set.of(998L)));
        for (CoseSign1.Tagging tagging : CoseSign1.Tagging.values()) {
            assertEquals(Reason.FORMAT, assertThrows(Rejection.class,
                    () -> CoseSign1.parse(item, tagging, CborProfile.VT1_PAYLOAD)).reason());
        }
        CoseSign1 inner = CoseSign1.parse(((CborTag) item).content(), CoseSign1.Tagging.LENIENT_HCERT,
                CborProfile.VT1_PAYLOAD);
        assertTrue(keyFromJwk(example.at("/input/sign0/key")).verify(inner.toBeSigned(new byte[0]), inner.signature()));
    }

    /** sign-pass-03 (untagged) passes the HC1 leniency and fails the VT1 rule "tag 18 REQUIRED". */
    @Test
    void untaggedIsHc1OnlyAndCwtTagIsHc1Only() throws Exception {
        byte[] untagged = hex(example("sign1-tests/sign-pass-03.json").at("/output/cbor"));
        CborItem item = CborDecoder.decode(untagged, CborProfile.VT1_COSE);
        CoseSign1.parse(item, CoseSign1.Tagging.LENIENT_HCERT, CborProfile.VT1_PAYLOAD);
        assertEquals(Reason.FORMAT, assertThrows(Rejection.class,
                () -> CoseSign1.parse(item, CoseSign1.Tagging.TAG_18_REQUIRED, CborProfile.VT1_PAYLOAD)).reason());

        // 61(18([...])) (dgc CO28) is accepted only leniently; 61 without 18 inside never
        byte[] tagged = hex(example("sign1-tests/sign-pass-02.json").at("/output/cbor"));
        CborProfile withCwt = Sign1Harness.MESSAGE_PROFILE;
        CborItem doubleTagged = CborDecoder.decode(tag(61, raw(tagged)).encode(), withCwt);
        CoseSign1.parse(doubleTagged, CoseSign1.Tagging.LENIENT_HCERT, CborProfile.VT1_PAYLOAD);
        assertEquals(Reason.FORMAT, assertThrows(Rejection.class,
                () -> CoseSign1.parse(doubleTagged, CoseSign1.Tagging.TAG_18_REQUIRED, CborProfile.VT1_PAYLOAD)).reason());
        CborItem cwtOnly = CborDecoder.decode(tag(61, raw(untagged)).encode(), withCwt);
        assertEquals(Reason.FORMAT, assertThrows(Rejection.class,
                () -> CoseSign1.parse(cwtOnly, CoseSign1.Tagging.LENIENT_HCERT, CborProfile.VT1_PAYLOAD)).reason());
    }

    /** sign-pass-02: the external AAD is bound; any other AAD fails. */
    @Test
    void externalAadIsBound() throws Exception {
        JsonNode example = example("sign1-tests/sign-pass-02.json");
        byte[] wire = hex(example.at("/output/cbor"));
        VerificationKey key = keyFromJwk(example.at("/input/sign0/key"));
        Sign1Harness.verifyAll(wire, key, externalAad(example));
        for (byte[] other : List.of(new byte[0], "VT1/credential".getBytes(StandardCharsets.US_ASCII),
                HEX.parseHex("11aa22bb33cc44dd55006698"))) {
            assertEquals(Reason.BAD_SIGNATURE,
                    assertThrows(Rejection.class, () -> Sign1Harness.verifyAll(wire, key, other)).reason());
        }
    }

    // ------------------------------------------------------------ RFC 8392 A.3

    @Test
    void cwtA3Claims() throws Exception {
        JsonNode example = example("CWT/A_3.json");
        VerificationKey key = keyFromJwk(example.at("/input/sign0/key"));
        CoseSign1 message = Sign1Harness.verifyAll(hex(example.at("/output/cbor")), key, new byte[0]);
        assertEquals(0, message.unprotected().size());
        assertArrayEquals(hex(example.at("/input/plaintext_hex")), message.payload());

        CborMap claims = assertInstanceOf(CborMap.class, CborDecoder.decode(message.payload(), CborProfile.VT1_PAYLOAD));
        assertEquals(7, claims.size());
        assertEquals(new CborText("coap://as.example.com"), claims.get(1)); // iss
        assertEquals(new CborText("erikw"), claims.get(2)); // sub
        assertEquals(new CborText("coap://light.example.com"), claims.get(3)); // aud
        assertEquals(new CborInteger(1444064944L), claims.get(4)); // exp 2015-10-05T17:09:04Z
        assertEquals(new CborInteger(1443944944L), claims.get(5)); // nbf 2015-10-04T07:49:04Z
        assertEquals(new CborInteger(1443944944L), claims.get(6)); // iat
        assertEquals(CborBytes.of(new byte[] {0x0b, 0x71}), claims.get(7)); // cti
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L),
                claims.keys().stream().map(k -> ((CborInteger) k).value()).toList());
    }

    // ------------------------------------------------------------ RSA-PSS (COSE_Sign)

    /**
     * The rsa-pss examples are COSE_Sign with one signer, so they are not Sign1 cases; their
     * PS256 signer is still a useful independent check of Ps256Key. The Sig_structure for a
     * COSE_Sign signer (RFC 9052 §4.4, context "Signature") is built here from the parts.
     */
    @TestFactory
    Stream<DynamicNode> rsaPssSignersAgainstPs256Key() {
        record Case(String file, long alg, boolean verifiesAsPs256) {}
        return Stream.of(new Case("rsa-pss-examples/rsa-pss-01.json", -37, true),
                        new Case("rsa-pss-examples/rsa-pss-02.json", -38, false),
                        new Case("rsa-pss-examples/rsa-pss-03.json", -39, false))
                .map(c -> DynamicTest.dynamicTest(c.file(), () -> {
                    JsonNode example = example(c.file());
                    CborTag sign = (CborTag) CborDecoder.decode(hex(example.at("/output/cbor")), new CborProfile(8, Set.of(98L)));
                    CborArray body = (CborArray) sign.content();
                    CborArray signer = (CborArray) ((CborArray) body.get(3)).get(0);
                    byte[] bodyProtected = ((CborBytes) body.get(0)).value();
                    byte[] signProtected = ((CborBytes) signer.get(0)).value();
                    byte[] payload = ((CborBytes) body.get(2)).value();
                    byte[] signature = ((CborBytes) signer.get(2)).value();
                    CborMap signerHeader = (CborMap) CborDecoder.decode(signProtected, CborProfile.VT1_PAYLOAD);
                    assertEquals(new CborInteger(c.alg()), signerHeader.get(CoseSign1.HEADER_ALG));
                    assertEquals(c.alg() == -37, CoseAlgorithm.fromCose(c.alg()).isPresent());

                    byte[] toBeSigned = array(text("Signature"), bytes(bodyProtected), bytes(signProtected),
                            bytes(new byte[0]), bytes(payload)).encode();
                    assertArrayEquals(hex(example.at("/intermediates/signers/0/ToBeSign_hex")), toBeSigned);

                    JsonNode jwk = example.at("/input/sign/signers/0/key");
                    VerificationKey key = PublicKeys.rsa(new BigInteger(1, hex(jwk.path("n_hex"))),
                            new BigInteger(1, hex(jwk.path("e_hex"))));
                    assertEquals(CoseAlgorithm.PS256, key.algorithm());
                    assertEquals(256, signature.length);
                    assertEquals(c.verifiesAsPs256(), key.verify(toBeSigned, signature));
                    if (c.verifiesAsPs256()) {
                        System.out.println("cose-wg " + c.file() + ": PS256 signer verified with Ps256Key");
                    }
                }));
    }

    // ------------------------------------------------------------ helpers

    /** A JWK of the examples as a COSE_Key, decoded by our decoder and built by PublicKeys.fromCoseKey. */
    static VerificationKey keyFromJwk(JsonNode jwk) throws Rejection {
        String kty = jwk.path("kty").asText();
        String crv = jwk.path("crv").asText();
        byte[] coseKey;
        if ("EC".equals(kty)) {
            long curve = switch (crv) {
                case "P-256" -> 1;
                case "P-384" -> 2;
                case "P-521" -> 3;
                default -> throw new IllegalArgumentException(crv);
            };
            coseKey = map().put(1, integer(2)).put(-1, integer(curve))
                    .put(-2, bytes(coordinate(jwk, "x"))).put(-3, bytes(coordinate(jwk, "y"))).encode();
        } else if ("OKP".equals(kty)) {
            long curve = switch (crv) {
                case "Ed25519" -> 6;
                case "Ed448" -> 7;
                default -> throw new IllegalArgumentException(crv);
            };
            coseKey = map().put(1, integer(1)).put(-1, integer(curve)).put(-2, bytes(coordinate(jwk, "x"))).encode();
        } else {
            throw new IllegalArgumentException(kty);
        }
        return PublicKeys.fromCoseKey(CborDecoder.decode(coseKey, CborProfile.VT1_PAYLOAD), Reason.UNSUPPORTED_ALG);
    }

    private static byte[] coordinate(JsonNode jwk, String name) {
        if (jwk.has(name + "_hex")) {
            return hex(jwk.path(name + "_hex"));
        }
        return Base64.getUrlDecoder().decode(jwk.path(name).asText());
    }

    private static byte[] externalAad(JsonNode example) {
        JsonNode external = example.at("/input/sign0/external");
        return external.isMissingNode() ? new byte[0] : hex(external);
    }

    private static JsonNode example(String file) throws IOException {
        return JSON.readTree(PublicSuites.resolve("cose-wg/" + file).toFile());
    }

    private static byte[] hex(JsonNode node) {
        return HEX.parseHex(node.asText().toLowerCase(java.util.Locale.ROOT));
    }

    private static List<String> glob(Path root, String folder, String pattern) throws IOException {
        List<String> out = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(root.resolve(folder), pattern)) {
            for (Path path : stream) {
                out.add(folder + "/" + path.getFileName());
            }
        }
        out.sort(null);
        return out;
    }
}
