package org.vitaleterminal.credential.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.testing.PublicSuites;

/**
 * Every Wycheproof vector for the three signature algorithms we verify, fed through
 * {@link PublicKeys#fromSubjectPublicKeyInfo} and {@link VerificationKey#verify} exactly as the
 * terminal does (spec §4: "MUST give the same answer as Wycheproof ... on every vector").
 *
 * <p>Counts are of the C2SP {@code testvectors_v1} files in {@code shared/testdata/wycheproof}
 * (signed-qr.md §2.8); a different file version changes them and must be looked at, not absorbed.
 */
class WycheproofTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @TestFactory
    List<DynamicNode> ecdsaP256Sha256P1363() throws IOException {
        return suite("ecdsa_secp256r1_sha256_p1363_test.json", CoseAlgorithm.ES256, 262, 173, 89, group -> {
            assertEquals("EcdsaP1363Verify", group.path("type").asText());
            // Es256Key hashes with SHA-256 and expects r||s on P-256
            assertEquals("SHA-256", group.path("sha").asText());
            assertEquals("secp256r1", group.path("publicKey").path("curve").asText());
            assertEquals(256, group.path("publicKey").path("keySize").asInt());
        });
    }

    @TestFactory
    List<DynamicNode> ed25519() throws IOException {
        return suite("ed25519_test.json", CoseAlgorithm.EDDSA, 151, 88, 63, group -> {
            assertEquals("EddsaVerify", group.path("type").asText());
            assertEquals("edwards25519", group.path("publicKey").path("curve").asText());
            // pure Ed25519, no pre-hash, no context: nothing else to check
            assertTrue(group.path("sha").isMissingNode(), "Ed25519 groups carry no hash");
        });
    }

    @TestFactory
    List<DynamicNode> rsaPss2048Sha256Mgf1Salt32() throws IOException {
        return suite("rsa_pss_2048_sha256_mgf1_32_test.json", CoseAlgorithm.PS256, 108, 63, 45, group -> {
            assertEquals("RsassaPssVerify", group.path("type").asText());
            // Ps256Key: SHA-256, MGF1 with SHA-256, 32-byte salt (RFC 8230), modulus >= 2048
            assertEquals("SHA-256", group.path("sha").asText());
            assertEquals("MGF1", group.path("mgf").asText());
            assertEquals("SHA-256", group.path("mgfSha").asText());
            assertEquals(32, group.path("sLen").asInt());
            assertEquals(2048, group.path("keySize").asInt());
        });
    }

    /**
     * One dynamic test per vector, then a summary that checks the counts and prints one line.
     *
     * @param groupCheck asserts that a group's parameters are the ones our algorithm assumes
     */
    private List<DynamicNode> suite(String file, CoseAlgorithm algorithm, int expectedCount, int expectedValid,
                                    int expectedInvalid, Consumer<JsonNode> groupCheck) throws IOException {
        Path path = PublicSuites.resolve("wycheproof/" + file);
        JsonNode root = JSON.readTree(path.toFile());
        assertEquals(expectedCount, root.path("numberOfTests").asInt(), "numberOfTests in " + file);

        Tally tally = new Tally();
        List<DynamicNode> nodes = new ArrayList<>();
        int groupIndex = 0;
        for (JsonNode group : root.path("testGroups")) {
            groupIndex++;
            groupCheck.accept(group);
            byte[] der = HEX.parseHex(group.path("publicKeyDer").asText());
            VerificationKey key;
            String keyRefusal = null;
            try {
                key = PublicKeys.fromSubjectPublicKeyInfo(der);
                assertEquals(algorithm, key.algorithm(), "group " + groupIndex + " key algorithm");
                if (key instanceof Ps256Key rsa) {
                    assertEquals(group.path("keySize").asInt(), rsa.modulusBits(), "modulus size");
                }
            } catch (Rejection e) {
                key = null;
                keyRefusal = e.reason().code() + " " + e.detail();
            }
            VerificationKey groupKey = key;
            String groupRefusal = keyRefusal;
            for (JsonNode vector : group.path("tests")) {
                int tcId = vector.path("tcId").asInt();
                String result = vector.path("result").asText();
                byte[] message = HEX.parseHex(vector.path("msg").asText());
                byte[] signature = HEX.parseHex(vector.path("sig").asText());
                tally.count(result);
                String name = "tcId " + tcId + " [" + result + "] " + vector.path("comment").asText()
                        + " " + vector.path("flags");
                nodes.add(DynamicTest.dynamicTest(name, () -> {
                    boolean accepted;
                    if (groupKey == null) {
                        // A refused key is fine only for a vector that must fail anyway.
                        accepted = false;
                        tally.keyRefused++;
                        if ("valid".equals(result)) {
                            fail("key refused (" + groupRefusal + ") for a valid vector");
                        }
                    } else {
                        try {
                            accepted = groupKey.verify(message, signature);
                        } catch (RuntimeException | Error e) {
                            fail("verify threw " + e, e);
                            return;
                        }
                    }
                    switch (result) {
                        case "valid" -> assertTrue(accepted, "valid signature refused");
                        case "invalid" -> assertFalse(accepted, "invalid signature accepted");
                        case "acceptable" -> {
                            // Documented, not judged: Wycheproof leaves these to the implementation.
                            tally.acceptable.add(tcId + (accepted ? " accepted" : " refused"));
                            return;
                        }
                        default -> fail("unknown result " + result);
                    }
                    tally.matched++;
                }));
            }
        }
        nodes.add(DynamicTest.dynamicTest("summary", () -> {
            String line = String.format("wycheproof %s: %d vectors, %d valid, %d invalid, %d acceptable, %d matched,"
                            + " %d refused at key parsing", file, tally.total, tally.valid, tally.invalid,
                    tally.acceptable.size(), tally.matched, tally.keyRefused);
            System.out.println(line);
            if (!tally.acceptable.isEmpty()) {
                System.out.println("  acceptable (documented, not judged): " + tally.acceptable);
            }
            assertEquals(expectedCount, tally.total, line);
            assertEquals(expectedValid, tally.valid, line);
            assertEquals(expectedInvalid, tally.invalid, line);
            assertEquals(0, tally.acceptable.size(), "the C2SP v1 files have no acceptable vectors: " + line);
            assertEquals(expectedCount, tally.matched, line);
        }));
        return nodes;
    }

    /**
     * Spec §4: "MUST reject any signature whose length is not exactly 64 bytes" (and, for PS256,
     * not exactly the modulus length). The Wycheproof files have no vector that is a valid
     * signature with bytes appended, so one is derived from every valid vector: a trailing zero,
     * a leading zero and a dropped last byte must all fail. (A verifier that only checks
     * {@code length >= 64} and reads the first 64 bytes passes every Wycheproof vector.)
     */
    @TestFactory
    List<DynamicNode> derivedWrongLengthSignatures() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        record Suite(String file, int validVectors) {}
        for (Suite suite : List.of(new Suite("ecdsa_secp256r1_sha256_p1363_test.json", 173),
                new Suite("ed25519_test.json", 88), new Suite("rsa_pss_2048_sha256_mgf1_32_test.json", 63))) {
            nodes.add(DynamicTest.dynamicTest(suite.file(), () -> {
                JsonNode root = JSON.readTree(PublicSuites.resolve("wycheproof/" + suite.file()).toFile());
                int valid = 0;
                for (JsonNode group : root.path("testGroups")) {
                    VerificationKey key = PublicKeys.fromSubjectPublicKeyInfo(HEX.parseHex(group.path("publicKeyDer").asText()));
                    for (JsonNode vector : group.path("tests")) {
                        if (!"valid".equals(vector.path("result").asText())) {
                            continue;
                        }
                        valid++;
                        byte[] message = HEX.parseHex(vector.path("msg").asText());
                        byte[] signature = HEX.parseHex(vector.path("sig").asText());
                        String id = "tcId " + vector.path("tcId").asInt();
                        assertTrue(key.verify(message, signature), id);
                        byte[] trailing = java.util.Arrays.copyOf(signature, signature.length + 1);
                        assertFalse(key.verify(message, trailing), id + " with a trailing zero byte");
                        byte[] leading = new byte[signature.length + 1];
                        System.arraycopy(signature, 0, leading, 1, signature.length);
                        assertFalse(key.verify(message, leading), id + " with a leading zero byte");
                        assertFalse(key.verify(message, java.util.Arrays.copyOf(signature, signature.length - 1)),
                                id + " without its last byte");
                        if (key instanceof Es256Key) {
                            // the same (r, s) as an ASN.1 DER SEQUENCE, the JCA's default form
                            byte[] der = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                                new org.bouncycastle.asn1.ASN1Integer(new java.math.BigInteger(1, java.util.Arrays.copyOf(signature, 32))),
                                new org.bouncycastle.asn1.ASN1Integer(new java.math.BigInteger(1,
                                        java.util.Arrays.copyOfRange(signature, 32, 64)))}).getEncoded();
                            assertFalse(key.verify(message, der), id + " DER-encoded");
                        }
                    }
                }
                assertEquals(suite.validVectors(), valid);
                System.out.println("wycheproof " + suite.file() + ": " + valid * 3
                        + " derived wrong-length signatures refused"
                        + (suite.file().startsWith("ecdsa") ? " (+ " + valid + " DER-encoded)" : ""));
            }));
        }
        return nodes;
    }

    /** A key verifies only its own algorithm's signatures; foreign, empty or null ones are false, never an exception. */
    @TestFactory
    List<DynamicNode> keysAreBoundToTheirAlgorithm() throws IOException {
        JsonNode ecdsa = JSON.readTree(PublicSuites.resolve("wycheproof/ecdsa_secp256r1_sha256_p1363_test.json").toFile());
        JsonNode ed = JSON.readTree(PublicSuites.resolve("wycheproof/ed25519_test.json").toFile());
        JsonNode pss = JSON.readTree(PublicSuites.resolve("wycheproof/rsa_pss_2048_sha256_mgf1_32_test.json").toFile());
        List<DynamicNode> nodes = new ArrayList<>();
        for (JsonNode[] pair : new JsonNode[][] {{ecdsa, ed}, {ed, pss}, {pss, ecdsa}}) {
            JsonNode group = pair[0].path("testGroups").get(0);
            JsonNode otherVector = pair[1].path("testGroups").get(0).path("tests").get(0);
            nodes.add(DynamicTest.dynamicTest(group.path("type").asText() + " key vs a foreign signature", () -> {
                VerificationKey key = PublicKeys.fromSubjectPublicKeyInfo(HEX.parseHex(group.path("publicKeyDer").asText()));
                assertFalse(key.verify(HEX.parseHex(otherVector.path("msg").asText()),
                        HEX.parseHex(otherVector.path("sig").asText())));
                assertFalse(key.verify(new byte[0], new byte[0]));
                assertFalse(key.verify(new byte[0], null));
            }));
        }
        nodes.add(DynamicTest.dynamicTest("ES256 key type", () -> assertInstanceOf(Es256Key.class,
                PublicKeys.fromSubjectPublicKeyInfo(HEX.parseHex(ecdsa.path("testGroups").get(0).path("publicKeyDer").asText())))));
        return nodes;
    }

    private static final class Tally {
        int total;
        int valid;
        int invalid;
        int matched;
        int keyRefused;
        final List<String> acceptable = new ArrayList<>();

        void count(String result) {
            total++;
            if ("valid".equals(result)) {
                valid++;
            } else if ("invalid".equals(result)) {
                invalid++;
            }
        }
    }
}
