package org.vitaleterminal.credential.hc1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitaleterminal.sim.cbor.Cbor.array;
import static org.vitaleterminal.sim.cbor.Cbor.bytes;
import static org.vitaleterminal.sim.cbor.Cbor.float64;
import static org.vitaleterminal.sim.cbor.Cbor.integer;
import static org.vitaleterminal.sim.cbor.Cbor.map;
import static org.vitaleterminal.sim.cbor.Cbor.nul;
import static org.vitaleterminal.sim.cbor.Cbor.raw;
import static org.vitaleterminal.sim.cbor.Cbor.tag;
import static org.vitaleterminal.sim.cbor.Cbor.text;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vitaleterminal.credential.PayloadFormat;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.cbor.CborArray;
import org.vitaleterminal.credential.cbor.CborText;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.Kid;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.cbor.CborValue;

class Hc1VerifierTest {
    private static final KeyPair P256 = TestPki.ec("secp256r1");
    private static final KeyPair OTHER_P256 = TestPki.ec("secp256r1");
    private static final KeyPair P384 = TestPki.ec("secp384r1");
    private static final KeyPair RSA = TestPki.rsa(2048);

    private static final byte[] P256_DSC = TestPki.certificate(P256, null);
    private static final byte[] RSA_DSC = TestPki.certificate(RSA, null);
    private static final Kid P256_KID = Kid.derivedFrom(P256_DSC);

    private static final long IAT = Instant.parse("2021-06-01T00:00:00Z").getEpochSecond();
    private static final long EXP = Instant.parse("2022-06-01T00:00:00Z").getEpochSecond();
    private static final Instant NOW = Instant.parse("2021-07-01T00:00:00Z");

    private final Hc1Verifier verifier = new Hc1Verifier(VerificationPolicy.defaults());

    private static Hc1TrustStore store(byte[]... certificates) throws InvalidCertificateException {
        return Hc1TrustStore.of(List.of(certificates));
    }

    private static TestHcert valid() {
        return TestHcert.es256(P256.getPrivate(), P256_KID.bytes(), TestHcert.claims(IAT, EXP, TestHcert.dcc("v")));
    }

    private VerificationResult verify(TestHcert hcert, Hc1TrustStore store) {
        return verifier.verify(hcert.text(), NOW, store);
    }

    private static void assertRejected(VerificationResult result, Reason reason) {
        assertEquals(reason, result.reason(), () -> "got " + result);
    }

    private static void assertRejected(VerificationResult result, Reason reason, String detail) {
        assertRejected(result, reason);
        assertEquals(detail, ((VerificationResult.Rejected) result).detail());
    }

    @Test
    void es256AcceptedWithWhatItProved() throws Exception {
        VerificationResult result = verify(valid(), store(P256_DSC));
        VerifiedHcert hcert = ((VerificationResult.AcceptedHcert) result).hcert();
        assertEquals(PayloadFormat.HC1, result.format());
        assertEquals(P256_KID, hcert.kid());
        assertEquals(CoseAlgorithm.ES256, hcert.algorithm());
        assertEquals("FR", hcert.issuerCountry());
        assertEquals(Instant.ofEpochSecond(IAT), hcert.issuedAt());
        assertEquals(Instant.ofEpochSecond(EXP), hcert.expiresAt());
        assertEquals(Set.of(HcertEntryType.VACCINATION), hcert.entryTypes());
        assertEquals(new CborText("1.3.0"), hcert.dcc().get("ver"));
        assertEquals(1, ((CborArray) hcert.dcc().get("v")).size());
        assertFalse(hcert.toString().contains("Dupont"), "the DCC is never printed");
    }

    @Test
    void ps256WithRsa2048Accepted() throws Exception {
        Kid kid = Kid.derivedFrom(RSA_DSC);
        TestHcert hcert = TestHcert.ps256(RSA.getPrivate(), kid.bytes(), TestHcert.claims(IAT, EXP, TestHcert.dcc("t")));
        VerificationResult result = verify(hcert, store(RSA_DSC));
        assertTrue(result.accepted(), result::toString);
        assertEquals(CoseAlgorithm.PS256, ((VerificationResult.AcceptedHcert) result).hcert().algorithm());
    }

    @Test
    void issuerIsOptional() throws Exception {
        TestHcert hcert = valid();
        hcert.claims = map().put(4, integer(EXP)).put(6, integer(IAT)).put(-260, map().put(1, TestHcert.dcc("r")));
        VerificationResult result = verify(hcert, store(P256_DSC));
        assertTrue(result.accepted(), result::toString);
        assertEquals(null, ((VerificationResult.AcceptedHcert) result).hcert().issuerCountry());
    }

    @Test
    void everyCertificateSharingTheKidIsTried() throws Exception {
        byte[] other = TestPki.certificate(OTHER_P256, null);
        Hc1TrustStore collision = Hc1TrustStore.builder().add(other, P256_KID).add(P256_DSC, P256_KID).build();
        assertEquals(2, collision.candidates(P256_KID).size());
        assertTrue(verify(valid(), collision).accepted(), "the second certificate verifies");

        Hc1TrustStore bothWrong = Hc1TrustStore.builder().add(other, P256_KID)
                .add(TestPki.certificate(TestPki.ec("secp256r1"), null), P256_KID).build();
        assertRejected(verify(valid(), bothWrong), Reason.BAD_SIGNATURE);
    }

    @Test
    void aCandidateWithTheWrongKeyTypeDoesNotHideOneThatFits() throws Exception {
        byte[] p384 = TestPki.certificate(P384, null);
        Hc1TrustStore mixed = Hc1TrustStore.builder().add(p384, P256_KID).add(RSA_DSC, P256_KID)
                .add(P256_DSC).build();
        assertTrue(verify(valid(), mixed).accepted());
    }

    @Test
    void kidOnlyInTheUnprotectedHeader() throws Exception {
        TestHcert hcert = valid();
        hcert.protectedHeader = map().put(1, integer(-7));
        hcert.unprotected = map().put(4, bytes(P256_KID.bytes()));
        assertTrue(verify(hcert, store(P256_DSC)).accepted());
    }

    @Test
    void theProtectedKidWinsOverTheUnprotectedOne() throws Exception {
        TestHcert co21 = valid(); // right protected kid, wrong unprotected kid
        co21.unprotected = map().put(4, bytes(new byte[8]));
        assertTrue(verify(co21, store(P256_DSC)).accepted());

        TestHcert co22 = valid(); // wrong protected kid, right unprotected kid
        co22.protectedHeader = map().put(1, integer(-7)).put(4, bytes(new byte[8]));
        co22.unprotected = map().put(4, bytes(P256_KID.bytes()));
        assertRejected(verify(co22, store(P256_DSC)), Reason.UNKNOWN_KEY);
    }

    @Test
    void algOnlyInTheUnprotectedHeaderIsRefused() throws Exception {
        TestHcert hcert = valid();
        hcert.protectedHeader = map().put(4, bytes(P256_KID.bytes()));
        hcert.unprotected = map().put(1, integer(-7));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT, "hc1: alg outside the protected header");

        hcert.protectedHeader = raw(new byte[0]); // CO20: empty protected header, everything unprotected
        hcert.unprotected = map().put(1, integer(-7)).put(4, bytes(P256_KID.bytes()));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT, "hc1: alg outside the protected header");

        hcert.unprotected = map().put(4, bytes(P256_KID.bytes()));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT, "hc1: alg missing from the protected header");
    }

    @Test
    void algRepeatedInTheUnprotectedHeaderIsRefused() throws Exception {
        TestHcert hcert = valid();
        hcert.unprotected = map().put(1, integer(-7));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT);
    }

    @Test
    void otherAlgorithmsAreUnsupported() throws Exception {
        for (CborValue alg : List.of(integer(-35), integer(-8), integer(-257), integer(1), text("ES256"))) {
            TestHcert hcert = valid();
            hcert.protectedHeader = map().put(1, alg).put(4, bytes(P256_KID.bytes()));
            assertRejected(verify(hcert, store(P256_DSC)), Reason.UNSUPPORTED_ALG);
        }
        TestHcert hcert = valid();
        hcert.protectedHeader = map().put(1, bytes(new byte[] {-7})).put(4, bytes(P256_KID.bytes()));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT);
    }

    @Test
    void aP384KeyUnderEs256IsRefused() throws Exception {
        byte[] dsc = TestPki.certificate(P384, null);
        Kid kid = Kid.derivedFrom(dsc);
        TestHcert hcert = TestHcert.es256(P384.getPrivate(), kid.bytes(), TestHcert.claims(IAT, EXP, TestHcert.dcc("v")));
        Object message = ((LenientCborReader.Tagged) LenientCborReader.decode(hcert.cose())).content();
        assertEquals(96, ((byte[]) ((List<?>) message).get(3)).length, "P-384 signature, as in ES 401-403");
        VerificationResult result = verify(hcert, store(dsc));
        assertRejected(result, Reason.UNSUPPORTED_ALG);
        assertTrue(Hc1TrustStore.of(List.of(dsc)).candidates(kid).get(0).key().isEmpty());
    }

    @Test
    void anRsaKeyUnderEs256AndAnEcKeyUnderPs256AreRefused() throws Exception {
        Kid rsaKid = Kid.derivedFrom(RSA_DSC);
        TestHcert es256OnRsa = TestHcert.ps256(RSA.getPrivate(), rsaKid.bytes(), TestHcert.claims(IAT, EXP, TestHcert.dcc("v")));
        es256OnRsa.protectedHeader = map().put(1, integer(-7)).put(4, bytes(rsaKid.bytes()));
        assertRejected(verify(es256OnRsa, store(RSA_DSC)), Reason.UNSUPPORTED_ALG);

        TestHcert ps256OnEc = valid();
        ps256OnEc.protectedHeader = map().put(1, integer(-37)).put(4, bytes(P256_KID.bytes()));
        assertRejected(verify(ps256OnEc, store(P256_DSC)), Reason.UNSUPPORTED_ALG);
    }

    @Test
    void unknownKid() throws Exception {
        TestHcert hcert = valid();
        hcert.protectedHeader = map().put(1, integer(-7)).put(4, bytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.UNKNOWN_KEY);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 7, 9, 32})
    void aKidThatIsNotEightBytesIsMalformed(int length) throws Exception {
        TestHcert hcert = valid();
        hcert.protectedHeader = map().put(1, integer(-7)).put(4, bytes(new byte[length]));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT, "hc1: kid is not 8 bytes");
    }

    @Test
    void aMissingOrMistypedKidIsMalformed() throws Exception {
        TestHcert hcert = valid();
        hcert.protectedHeader = map().put(1, integer(-7));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT, "hc1: kid missing");
        hcert.protectedHeader = map().put(1, integer(-7)).put(4, text("kid-text"));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT, "hc1: kid is not a byte string");
        hcert.protectedHeader = map().put(1, integer(-7)).put(4, bytes(P256_KID.bytes()));
        hcert.unprotected = map().put(4, integer(12345));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT, "hc1: kid is not a byte string");
    }

    @Test
    void headerLabels() throws Exception {
        TestHcert hcert = valid();
        hcert.protectedHeader = map().put(1, integer(-7)).put(3, integer(61)).put(4, bytes(P256_KID.bytes()));
        assertTrue(verify(hcert, store(P256_DSC)).accepted(), "content type application/cwt (ES, GR, HR, SK)");
        hcert.protectedHeader = map().put(1, integer(-7)).put(3, integer(50)).put(4, bytes(P256_KID.bytes()));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT, "hc1: content type is not application/cwt");
        hcert.protectedHeader = map().put(1, integer(-7)).put(2, array(integer(99))).put(4, bytes(P256_KID.bytes()));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT, "hc1: unknown protected header label");
        hcert.protectedHeader = map().put(1, integer(-7)).put(4, bytes(P256_KID.bytes()));
        hcert.unprotected = map().put(33, bytes(new byte[10]));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT, "hc1: unknown unprotected header label");
        hcert.unprotected = map().put(3, integer(61));
        assertRejected(verify(hcert, store(P256_DSC)), Reason.FORMAT, "hc1: unknown unprotected header label");
    }

    @Test
    void tagging() throws Exception {
        for (int tagging : new int[] {0, 18, 61}) {
            TestHcert hcert = valid();
            hcert.tagging = tagging;
            assertTrue(verify(hcert, store(P256_DSC)).accepted(), "tagging " + tagging);
        }
        byte[] untagged = stripTag(valid().cose());
        for (long tag : new long[] {61, 98, 998, 1}) {
            String text = "HC1:" + TestHcert.base45(TestHcert.zlib(tag(tag, raw(untagged)).encode()));
            assertRejected(verifier.verify(text, NOW, store(P256_DSC)), Reason.FORMAT);
        }
    }

    private static byte[] stripTag(byte[] cose) {
        return Arrays.copyOfRange(cose, 1, cose.length); // 0xD2 = tag 18
    }

    @Test
    void badSignatures() throws Exception {
        TestHcert flipped = valid();
        flipped.tamper = s -> {
            s[10] ^= 1;
            return s;
        };
        assertRejected(verify(flipped, store(P256_DSC)), Reason.BAD_SIGNATURE);
        for (int length : new int[] {0, 3, 63, 65, 72}) {
            TestHcert hcert = valid();
            hcert.tamper = s -> Arrays.copyOf(s, length);
            assertRejected(verify(hcert, store(P256_DSC)), Reason.BAD_SIGNATURE);
        }
        TestHcert otherKey = TestHcert.es256(OTHER_P256.getPrivate(), P256_KID.bytes(),
                TestHcert.claims(IAT, EXP, TestHcert.dcc("v")));
        assertRejected(verify(otherKey, store(P256_DSC)), Reason.BAD_SIGNATURE);
    }

    @Test
    void keyUsage() throws Exception {
        byte[] testOnly = TestPki.certificate(P256, List.of(TestPki.OID_TEST));
        TestHcert vaccination = TestHcert.es256(P256.getPrivate(), Kid.derivedFrom(testOnly).bytes(),
                TestHcert.claims(IAT, EXP, TestHcert.dcc("v")));
        assertRejected(verify(vaccination, store(testOnly)), Reason.KEY_NOT_VALID, Hc1Verifier.KEY_USAGE_DETAIL);

        byte[] vaccinationWithoutZeroArc = TestPki.certificate(P256, List.of(TestPki.OID_VACCINATION_WITHOUT_ZERO_ARC));
        vaccination.protectedHeader = map().put(1, integer(-7))
                .put(4, bytes(Kid.derivedFrom(vaccinationWithoutZeroArc).bytes()));
        assertTrue(verify(vaccination, store(vaccinationWithoutZeroArc)).accepted());

        byte[] serverAuthOnly = TestPki.certificate(P256, List.of(TestPki.OID_SERVER_AUTH));
        vaccination.protectedHeader = map().put(1, integer(-7)).put(4, bytes(Kid.derivedFrom(serverAuthOnly).bytes()));
        assertTrue(verify(vaccination, store(serverAuthOnly)).accepted(), "no DCC OID = every type");

        byte[] vaccinationOnly = TestPki.certificate(P256, List.of(TestPki.OID_VACCINATION));
        TestHcert twoTypes = TestHcert.es256(P256.getPrivate(), Kid.derivedFrom(vaccinationOnly).bytes(),
                TestHcert.claims(IAT, EXP, TestHcert.dcc("v", "t")));
        assertRejected(verify(twoTypes, store(vaccinationOnly)), Reason.KEY_NOT_VALID, Hc1Verifier.KEY_USAGE_DETAIL);

        byte[] all = TestPki.certificate(P256, List.of(TestPki.OID_TEST, TestPki.OID_VACCINATION, TestPki.OID_RECOVERY));
        twoTypes.protectedHeader = map().put(1, integer(-7)).put(4, bytes(Kid.derivedFrom(all).bytes()));
        assertTrue(verify(twoTypes, store(all)).accepted());
    }

    @Test
    void certificateValidityMustCoverIatToExp() throws Exception {
        long beforeCertificate = TestPki.NOT_BEFORE.getEpochSecond() - 1;
        long afterCertificate = TestPki.NOT_AFTER.getEpochSecond() + 1;
        TestHcert early = TestHcert.es256(P256.getPrivate(), P256_KID.bytes(),
                TestHcert.claims(beforeCertificate, EXP, TestHcert.dcc("v")));
        assertRejected(verify(early, store(P256_DSC)), Reason.KEY_NOT_VALID, Hc1Verifier.VALIDITY_DETAIL);
        TestHcert late = TestHcert.es256(P256.getPrivate(), P256_KID.bytes(),
                TestHcert.claims(IAT, afterCertificate, TestHcert.dcc("v")));
        assertRejected(verify(late, store(P256_DSC)), Reason.KEY_NOT_VALID, Hc1Verifier.VALIDITY_DETAIL);
        TestHcert edges = TestHcert.es256(P256.getPrivate(), P256_KID.bytes(),
                TestHcert.claims(TestPki.NOT_BEFORE.getEpochSecond(), TestPki.NOT_AFTER.getEpochSecond(),
                        TestHcert.dcc("v")));
        assertTrue(verify(edges, store(P256_DSC)).accepted());
    }

    @Test
    void expired() throws Exception {
        Hc1TrustStore store = store(P256_DSC);
        assertTrue(verifier.verify(valid().text(), Instant.ofEpochSecond(EXP), store).accepted(), "at exp");
        assertRejected(verifier.verify(valid().text(), Instant.ofEpochSecond(EXP).plusMillis(1), store), Reason.EXPIRED);
    }

    @Test
    void notYetValid() throws Exception {
        Hc1TrustStore store = store(P256_DSC);
        Instant iat = Instant.ofEpochSecond(IAT);
        assertTrue(verifier.verify(valid().text(), iat.minusSeconds(60), store).accepted(), "within the skew");
        assertRejected(verifier.verify(valid().text(), iat.minusSeconds(61), store), Reason.NOT_YET_VALID);
        Hc1Verifier noSkew = new Hc1Verifier(new VerificationPolicy(Duration.ofSeconds(120), Duration.ofSeconds(30),
                Duration.ofSeconds(300), Duration.ZERO, Duration.ofHours(72), false));
        assertRejected(noSkew.verify(valid().text(), iat.minusSeconds(1), store), Reason.NOT_YET_VALID);
    }

    @Test
    void claims() throws Exception {
        Hc1TrustStore store = store(P256_DSC);
        CborMapBuilder dcc = TestHcert.dcc("v");
        Object[][] malformed = {
            {map().put(4, integer(EXP)).put(-260, map().put(1, dcc)), "missing iat"},
            {map().put(6, integer(IAT)).put(-260, map().put(1, dcc)), "missing exp"},
            {map().put(4, integer(EXP)).put(6, float64(IAT)).put(-260, map().put(1, dcc)), "float iat"},
            {map().put(4, integer(EXP)).put(6, text("2021-06-01")).put(-260, map().put(1, dcc)), "text iat"},
            {map().put(4, integer(EXP)).put(6, integer(-1)).put(-260, map().put(1, dcc)), "negative iat"},
            {map().put(4, integer(Long.MAX_VALUE)).put(6, integer(IAT)).put(-260, map().put(1, dcc)),
                "exp beyond any Instant"},
            {map().put(1, integer(250)).put(4, integer(EXP)).put(6, integer(IAT)).put(-260, map().put(1, dcc)),
                "iss not text"},
            {map().put(4, integer(EXP)).put(6, integer(IAT)), "no hcert"},
            {map().put(4, integer(EXP)).put(6, integer(IAT)).put(-260, map().put(2, dcc)), "no eu_dgc_v1"},
            {map().put(4, integer(EXP)).put(6, integer(IAT)).put(-260, map().put(1, TestHcert.dcc())), "no entry"},
            {map().put(4, integer(EXP)).put(6, integer(IAT)).put(-260, map().put(1, map().put("v", map()))),
                "entries not an array"},
            {map().put(4, integer(EXP)).put(6, integer(IAT)).put(-260, map().put(1, map().put("v", array(text("x"))))),
                "entry not a map"},
            {map().put(4, integer(EXP)).put(6, integer(IAT)).put(-260, map().put(1, map().put("v", array()))),
                "empty entry list only"},
            {map().put(4, integer(EXP)).put(6, integer(IAT))
                    .put(-260, map().put(1, map().put("v", tag(1004, array())))), "tag 1004"},
            {array(integer(1), integer(2)), "claims not a map"},
        };
        for (Object[] row : malformed) {
            TestHcert hcert = valid();
            hcert.claims = (CborValue) row[0];
            VerificationResult result = verify(hcert, store);
            assertEquals(Reason.FORMAT, result.reason(), () -> row[1] + ": " + result);
        }
        TestHcert nullLists = valid(); // Bulgaria: absent lists written as null
        CborMapBuilder bulgarian = TestHcert.dcc("v");
        bulgarian.put("t", nul());
        bulgarian.put("r", nul());
        nullLists.claims = TestHcert.claims(IAT, EXP, bulgarian);
        assertTrue(verify(nullLists, store).accepted());

        TestHcert dateTag = valid(); // Sweden: tag 0 around a date-time text
        CborMapBuilder swedish = TestHcert.dcc();
        swedish.put("t", array(map().put("sc", tag(0, text("2021-06-15T09:24:02Z")))));
        dateTag.claims = TestHcert.claims(IAT, EXP, swedish);
        assertTrue(verify(dateTag, store).accepted());

        TestHcert extraClaims = valid();
        extraClaims.claims = map().put(1, text("FR")).put(4, integer(EXP)).put(6, integer(IAT))
                .put(7, bytes(new byte[4])).put(-260, map().put(1, dcc).put(2, text("other")));
        assertTrue(verify(extraClaims, store).accepted(), "other claims are signed and ignored");
    }

    @Test
    void trustStoreThenSizeComeFirst() throws Exception {
        String tooLong = "HC1:" + "0".repeat(4093);
        assertRejected(verifier.verify(tooLong, NOW, Hc1TrustStore.empty()), Reason.TRUST_LIST_MISSING);
        assertRejected(verifier.verify(tooLong, NOW, store(P256_DSC)), Reason.TOO_LARGE);
        assertRejected(verifier.verify(valid().text(), NOW, Hc1TrustStore.empty()), Reason.TRUST_LIST_MISSING);
        assertRejected(verifier.verify(valid().text(), NOW, null), Reason.TRUST_LIST_MISSING);
        String exactly4096 = "HC1:" + "0".repeat(4092);
        assertRejected(verifier.verify(exactly4096, NOW, store(P256_DSC)), Reason.FORMAT);
    }

    @Test
    void aZlibBombIsTooLarge() throws Exception {
        TestHcert hcert = valid();
        CborMapBuilder dcc = TestHcert.dcc("v");
        dcc.put("padding", text("A".repeat(9000)));
        hcert.claims = TestHcert.claims(IAT, EXP, dcc);
        String text = hcert.text();
        assertTrue(text.length() < 4096);
        assertRejected(verifier.verify(text, NOW, store(P256_DSC)), Reason.TOO_LARGE);
    }

    @Test
    void prefixAndTransport() throws Exception {
        Hc1TrustStore store = store(P256_DSC);
        String text = valid().text();
        String body = text.substring(4);
        assertRejected(verifier.verify("hc1:" + body, NOW, store), Reason.FORMAT, "hc1: prefix is not HC1:");
        assertRejected(verifier.verify("HC2:" + body, NOW, store), Reason.FORMAT);
        assertRejected(verifier.verify(body, NOW, store), Reason.FORMAT);
        assertEquals(PayloadFormat.UNKNOWN, verifier.verify(body, NOW, store).format());
        assertEquals(PayloadFormat.UNKNOWN, verifier.verify("VT1:" + body, NOW, store).format());
        assertRejected(verifier.verify(" " + text, NOW, store), Reason.FORMAT);
        assertRejected(verifier.verify(text + "\n", NOW, store), Reason.FORMAT);
        assertRejected(verifier.verify("HC1:" + TestHcert.base45(valid().cose()), NOW, store), Reason.FORMAT);
        assertRejected(verifier.verify(null, NOW, store), Reason.FORMAT);
    }

    @Test
    void truncatedInputsAreRejectedWithoutThrowing() throws Exception {
        Hc1TrustStore store = store(P256_DSC);
        String text = valid().text();
        for (int length = 0; length < text.length(); length++) {
            VerificationResult result = verifier.verify(text.substring(0, length), NOW, store);
            assertFalse(result.accepted(), "truncated at " + length);
        }
    }

    @Test
    void garbledInputsNeverThrow() throws Exception {
        Hc1TrustStore store = store(P256_DSC, RSA_DSC);
        Random random = new Random(20210601);
        String text = valid().text();
        byte[] cose = valid().cose();
        VerifiedHcert original = ((VerificationResult.AcceptedHcert) verifier.verify(text, NOW, store)).hcert();
        int accepted = 0;
        for (int round = 0; round < 3000; round++) {
            String candidate;
            switch (round % 3) {
                case 0 -> { // one Base45 character changed
                    char[] chars = text.toCharArray();
                    int at = 4 + random.nextInt(chars.length - 4);
                    chars[at] = TestHcert.BASE45.charAt(random.nextInt(45));
                    candidate = new String(chars);
                }
                case 1 -> { // a few COSE bytes changed, then a well-formed transport around them
                    byte[] bent = cose.clone();
                    for (int i = 0; i < 1 + random.nextInt(3); i++) {
                        bent[random.nextInt(bent.length)] = (byte) random.nextInt(256);
                    }
                    candidate = "HC1:" + TestHcert.base45(TestHcert.zlib(bent));
                }
                default -> { // random bytes behind a valid transport
                    byte[] noise = new byte[random.nextInt(400)];
                    random.nextBytes(noise);
                    candidate = "HC1:" + TestHcert.base45(TestHcert.zlib(noise));
                }
            }
            VerificationResult result = verifier.verify(candidate, NOW, store);
            assertNotNull(result);
            if (result instanceof VerificationResult.AcceptedHcert hcert) {
                // Only bytes the signature does not cover (the tag) can change and still pass,
                // and then what was proved is exactly the original.
                accepted++;
                assertEquals(original, hcert.hcert(), "round " + round);
            }
        }
        System.out.println("garbled inputs: " + accepted + " of 3000 accepted, all identical to the original");
    }
}
