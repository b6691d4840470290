package org.vitaleterminal.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitaleterminal.credential.Vt1Fixture.NOW;
import static org.vitaleterminal.credential.Vt1Fixture.ROOT;
import static org.vitaleterminal.credential.Vt1Fixture.WORLD;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.Kid;
import org.vitaleterminal.credential.trust.IssuerKey;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustListGate;
import org.vitaleterminal.credential.trust.TrustListProblem;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborArray;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.cose.CoseHeaders;
import org.vitaleterminal.sim.cose.CoseSign1Builder;
import org.vitaleterminal.sim.cose.SignatureTweaks;
import org.vitaleterminal.sim.cose.Vt1ExternalAad;
import org.vitaleterminal.sim.issuer.Issuer;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.trust.IssuerKeyEntry;
import org.vitaleterminal.sim.trust.TrustListAuthority;
import org.vitaleterminal.sim.trust.TrustListContent;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * The signed VT1 trust list (spec §3, docs/trust-list.md): reading and verifying it against the
 * pinned roots, the records it may hold, and {@link TrustListGate}'s rules for replacing the
 * list in use (including the trust-list negatives of signed-qr.md §5.4 "F").
 */
class TrustListReaderTest {
    private static final TrustListAuthority AUTHORITY = WORLD.authority();
    private static final Duration GRACE = VerificationPolicy.DEFAULT_TRUST_LIST_GRACE;

    private static TrustList read(byte[] bytes) throws TrustListException {
        return TrustListReader.read(bytes, List.of(ROOT));
    }

    private static TrustListProblem problem(byte[] bytes) {
        return problem(bytes, List.of(ROOT));
    }

    private static TrustListProblem problem(byte[] bytes, Collection<TrustRoot> roots) {
        return assertThrows(TrustListException.class, () -> TrustListReader.read(bytes, roots)).problem();
    }

    /** The world's version-2 claims, edited. */
    private static byte[] signedClaims(Consumer<CborMapBuilder> edit) {
        CborMapBuilder claims = Vt1Fixture.listContent().toClaims(AUTHORITY.authorityId());
        edit.accept(claims);
        return AUTHORITY.signClaims(claims);
    }

    /** The world's version-2 list with its first issuer-key record (CNAM) edited. */
    private static byte[] firstKeyEdited(Consumer<CborMapBuilder> edit) {
        return signedClaims(claims -> edit.accept(
                (CborMapBuilder) ((CborArray) claims.get(TrustListContent.ISSUER_KEYS)).get(0)));
    }

    /** The world's version-2 list through a changed envelope. */
    private static byte[] envelope(java.util.function.UnaryOperator<CoseSign1Builder> change) {
        return change.apply(AUTHORITY.trustListSigner(Vt1Fixture.listContent().toClaims(AUTHORITY.authorityId())))
                .sign().encode();
    }

    @Nested
    class Reading {
        @Test
        void theWorldsListRoundTrips() throws Exception {
            byte[] bytes = WORLD.trustList();
            TrustList list = read(bytes);
            assertEquals(1, list.version());
            assertEquals(SampleWorld.AUTHORITY_ID, list.authority());
            assertEquals(NOW, list.issuedAt());
            assertEquals(NOW.plus(SampleWorld.TRUST_LIST_LIFETIME), list.expiresAt());
            assertEquals(Kid.of(AUTHORITY.rootKid()), list.signedBy());
            assertEquals(3, list.issuerKeyCount());
            assertEquals(1, list.revocationCount());
            assertArrayEquals(bytes, list.encoded());

            assertKey(WORLD.cnam(), CoseAlgorithm.ES256, list);
            assertKey(WORLD.msa(), CoseAlgorithm.EDDSA, list);
            assertKey(WORLD.demoIssuer(), CoseAlgorithm.ES256, list);
            assertTrue(list.issuerKey(Kid.of(Vt1Fixture.strangerKey(1).kid())).isEmpty());
        }

        private void assertKey(Issuer issuer, CoseAlgorithm alg, TrustList list) {
            IssuerKeyEntry entry = issuer.keyEntry();
            IssuerKey key = list.issuerKey(Kid.of(issuer.kid())).orElseThrow();
            assertEquals(issuer.issuerId(), key.issuer());
            assertEquals(alg, key.algorithm());
            assertEquals(alg, key.key().algorithm());
            assertEquals(entry.validFrom(), key.validFrom());
            assertEquals(entry.validUntil(), key.validUntil());
            assertEquals(issuer.demoKey(), key.demo());
        }

        @Test
        void revokedCtiFoundOrNot() throws Exception {
            TrustList list = read(WORLD.trustList());
            assertTrue(list.isRevoked(WORLD.revoked().credential().cti()));
            assertFalse(list.isRevoked(WORLD.singleAdult().credential().cti()));
            byte[] neighbour = WORLD.revoked().credential().cti();
            neighbour[15] ^= 1;
            assertFalse(list.isRevoked(neighbour));
            assertFalse(list.isRevoked(Arrays.copyOf(WORLD.revoked().credential().cti(), 15)));
            assertFalse(list.isRevoked(new byte[0]));
        }

        @Test
        void aHundredThousandRevocations() throws Exception {
            TrustListContent content = Vt1Fixture.listContent();
            byte[] cti = new byte[16];
            java.security.SecureRandom random = SimRandom.seeded(3);
            byte[] picked = null;
            for (int i = 0; i < 100_000; i++) {
                random.nextBytes(cti);
                content.revoke(cti, NOW);
                if (i == 54_321) {
                    picked = cti.clone();
                }
            }
            byte[] bytes = Vt1Fixture.signList(content);
            assertTrue(bytes.length < TrustListReader.MAX_SIZE);
            TrustList list = read(bytes);
            assertEquals(100_001, list.revocationCount());
            assertTrue(list.isRevoked(picked));
            assertTrue(list.isRevoked(WORLD.revoked().credential().cti()));
            assertFalse(list.isRevoked(WORLD.singleAdult().credential().cti()));
        }

        @Test
        void emptyKeyAndRevocationListsAreValid() throws Exception {
            TrustList list = read(Vt1Fixture.signList(TrustListContent.builder().version(5).issuedAt(NOW).expiresAt(NOW)));
            assertEquals(0, list.issuerKeyCount());
            assertEquals(0, list.revocationCount());
            assertEquals(5, list.version());
        }

        @Test
        void aKeyValidForOneInstantIsValid() throws Exception {
            byte[] bytes = firstKeyEdited(k -> k.put(IssuerKeyEntry.VALID_UNTIL, k.get(IssuerKeyEntry.VALID_FROM)));
            IssuerKey key = read(bytes).issuerKey(Kid.of(WORLD.cnam().kid())).orElseThrow();
            assertEquals(key.validFrom(), key.validUntil());
        }

        @Test
        void rootPemKidIsTheSimsKid() {
            assertEquals(Kid.of(AUTHORITY.rootKid()), ROOT.kid());
        }

        @Test
        void ed25519RootAndSeveralPinnedRoots() throws Exception {
            TrustListAuthority edAuthority = new TrustListAuthority("ED-AUTH", SimKeyPair.ed25519(SimRandom.seeded(21)));
            TrustRoot edRoot = Vt1Fixture.root(edAuthority.rootPem());
            byte[] bytes = edAuthority.sign(Vt1Fixture.listContent());
            TrustList list = TrustListReader.read(bytes, List.of(ROOT, edRoot));
            assertEquals("ED-AUTH", list.authority());
            assertEquals(edRoot.kid(), list.signedBy());
            assertEquals(TrustListProblem.UNKNOWN_ROOT, problem(bytes, List.of(ROOT)));
            assertEquals(Kid.of(AUTHORITY.rootKid()), TrustListReader.read(WORLD.trustList(), List.of(edRoot, ROOT)).signedBy());
        }
    }

    @Nested
    class Refused {
        static Stream<Arguments> malformed() {
            SimKeyPair ed = SimKeyPair.ed25519(SimRandom.seeded(22));
            return Stream.of(
                    Arguments.of("EdDSA alg over a P-256 key", (Supplier<byte[]>) () ->
                            firstKeyEdited(k -> k.put(IssuerKeyEntry.ALG, Cbor.integer(-8)))),
                    Arguments.of("ES256 alg over an Ed25519 key", (Supplier<byte[]>) () ->
                            firstKeyEdited(k -> k.put(IssuerKeyEntry.COSE_KEY, ed.coseKey()))),
                    Arguments.of("validity ending before it starts", (Supplier<byte[]>) () ->
                            firstKeyEdited(k -> k.put(IssuerKeyEntry.VALID_UNTIL,
                                    Cbor.integer(WORLD.cnam().keyEntry().validFrom().getEpochSecond() - 1)))),
                    Arguments.of("unknown key 8 in an issuer-key record", (Supplier<byte[]>) () ->
                            firstKeyEdited(k -> k.put(8, Cbor.text("note")))),
                    Arguments.of("demo: false in an issuer-key record", (Supplier<byte[]>) () ->
                            firstKeyEdited(k -> k.put(IssuerKeyEntry.DEMO, Cbor.bool(false)))),
                    Arguments.of("issuer-key kid of 7 bytes", (Supplier<byte[]>) () ->
                            firstKeyEdited(k -> k.put(IssuerKeyEntry.KID, Cbor.bytes(new byte[7])))),
                    Arguments.of("issuer-key alg PS256", (Supplier<byte[]>) () ->
                            firstKeyEdited(k -> k.put(IssuerKeyEntry.ALG, Cbor.integer(-37)))),
                    Arguments.of("issuer-key without issuer id", (Supplier<byte[]>) () ->
                            firstKeyEdited(k -> k.remove(IssuerKeyEntry.ISSUER))),
                    Arguments.of("COSE_Key with an extra label", (Supplier<byte[]>) () ->
                            firstKeyEdited(k -> k.mapAt(IssuerKeyEntry.COSE_KEY).put(2, Cbor.bytes(new byte[8])))),
                    Arguments.of("COSE_Key point not on the curve", (Supplier<byte[]>) () ->
                            firstKeyEdited(k -> k.mapAt(IssuerKeyEntry.COSE_KEY).put(-3, Cbor.bytes(new byte[32])))),
                    Arguments.of("duplicate key in an issuer-key record", (Supplier<byte[]>) () ->
                            firstKeyEdited(k -> k.putDuplicate(IssuerKeyEntry.ISSUER, Cbor.text("FR-MSA")))),
                    Arguments.of("unknown trust claim", (Supplier<byte[]>) () ->
                            signedClaims(c -> c.put(-70013, Cbor.integer(0)))),
                    Arguments.of("no version", (Supplier<byte[]>) () ->
                            signedClaims(c -> c.remove(TrustListContent.VERSION))),
                    Arguments.of("negative version", (Supplier<byte[]>) () ->
                            signedClaims(c -> c.put(TrustListContent.VERSION, Cbor.integer(-2)))),
                    Arguments.of("float exp", (Supplier<byte[]>) () ->
                            signedClaims(c -> c.put(TrustListContent.EXP, Cbor.float64(NOW.getEpochSecond() + 86400.0)))),
                    Arguments.of("duplicate exp claim", (Supplier<byte[]>) () ->
                            signedClaims(c -> c.putDuplicate(TrustListContent.EXP, Cbor.integer(NOW.getEpochSecond() + 10 * 86400)))),
                    Arguments.of("revocation with a 15-byte cti", (Supplier<byte[]>) () ->
                            signedClaims(c -> c.put(TrustListContent.REVOCATIONS,
                                    Cbor.array(Cbor.array(Cbor.bytes(new byte[15]), Cbor.integer(0)))))),
                    Arguments.of("revocation without drop-after", (Supplier<byte[]>) () ->
                            signedClaims(c -> c.put(TrustListContent.REVOCATIONS, Cbor.array(Cbor.array(Cbor.bytes(new byte[16])))))),
                    Arguments.of("indefinite-length key list", (Supplier<byte[]>) () ->
                            signedClaims(c -> c.put(TrustListContent.ISSUER_KEYS,
                                    Cbor.indefiniteArray(WORLD.cnam().keyEntry().toCbor())))),
                    Arguments.of("untagged", (Supplier<byte[]>) () -> envelope(CoseSign1Builder::untagged)),
                    Arguments.of("tagged 998", (Supplier<byte[]>) () -> envelope(b -> b.tag(998))),
                    Arguments.of("extra protected header label", (Supplier<byte[]>) () -> envelope(b -> b.protectedHeader(
                            CoseHeaders.algAndKid(-7, AUTHORITY.rootKid()).put(3, Cbor.integer(0))))),
                    Arguments.of("alg only in the unprotected header", (Supplier<byte[]>) () -> envelope(b -> b
                            .protectedHeader(Cbor.map().put(4, Cbor.bytes(AUTHORITY.rootKid())))
                            .unprotectedHeader(CoseHeaders.alg(-7)))),
                    Arguments.of("non-empty unprotected header", (Supplier<byte[]>) () -> envelope(b -> b
                            .unprotectedHeader(Cbor.map().put(4, Cbor.bytes(AUTHORITY.rootKid()))))),
                    Arguments.of("header kid of 9 bytes", (Supplier<byte[]>) () -> envelope(b -> b.protectedHeader(
                            CoseHeaders.algAndKid(-7, Arrays.copyOf(AUTHORITY.rootKid(), 9))))),
                    Arguments.of("not CBOR", (Supplier<byte[]>) () -> new byte[] {(byte) 0xFF, 0x00}),
                    Arguments.of("empty", (Supplier<byte[]>) () -> new byte[0]));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("malformed")
        void malformedListsAreRefused(String name, Supplier<byte[]> list) {
            assertEquals(TrustListProblem.MALFORMED, problem(list.get()));
        }

        @Test
        void largerThan16MiB() {
            TrustListException refused = assertThrows(TrustListException.class,
                    () -> read(new byte[TrustListReader.MAX_SIZE + 1]));
            assertEquals(TrustListProblem.MALFORMED, refused.problem());
            assertTrue(refused.getMessage().contains("16 MiB"));
            // exactly 16 MiB passes the size check and fails later, on its content
            TrustListException atLimit = assertThrows(TrustListException.class,
                    () -> read(new byte[TrustListReader.MAX_SIZE]));
            assertFalse(atLimit.getMessage().contains("16 MiB"), atLimit.getMessage());
        }

        @Test
        void signedByAKeyThatIsNotAPinnedRoot() {
            TrustListAuthority impostor = new TrustListAuthority(SampleWorld.AUTHORITY_ID, SimKeyPair.p256(SimRandom.seeded(23)));
            assertEquals(TrustListProblem.UNKNOWN_ROOT, problem(impostor.sign(Vt1Fixture.listContent())));
            assertEquals(TrustListProblem.UNKNOWN_ROOT, problem(WORLD.trustList(), List.of()));
        }

        @Test
        void impostorUsingThePinnedRootsKid() {
            SimKeyPair impostor = SimKeyPair.p256(SimRandom.seeded(24));
            assertEquals(TrustListProblem.BAD_SIGNATURE, problem(envelope(b -> b.signer(impostor))));
        }

        @Test
        void badSignatures() {
            assertEquals(TrustListProblem.BAD_SIGNATURE, problem(envelope(b -> b.changeSignature(SignatureTweaks.flipBit(7)))));
            assertEquals(TrustListProblem.BAD_SIGNATURE, problem(envelope(b -> b.signWithAad(Vt1ExternalAad.CREDENTIAL))));
            byte[] genuine = AUTHORITY.trustListSigner(Vt1Fixture.listContent().toClaims(AUTHORITY.authorityId())).sign().signature();
            assertEquals(TrustListProblem.BAD_SIGNATURE, problem(signedClaimsWithSignature(
                    Vt1Fixture.listContent().version(99).toClaims(AUTHORITY.authorityId()), genuine)));
        }

        private byte[] signedClaimsWithSignature(CborMapBuilder claims, byte[] signature) {
            return AUTHORITY.trustListSigner(claims).replaceSignature(signature).sign().encode();
        }

        @Test
        void wrongSignatureLengthIsRefused() {
            // the spec says "bstr .size 64" but not which problem a wrong length is: either refuses the list
            for (byte[] list : List.of(envelope(b -> b.changeSignature(SignatureTweaks.appendZeroByte())),
                    envelope(b -> b.changeSignature(SignatureTweaks.truncate(2))), envelope(CoseSign1Builder::derSignature))) {
                TrustListProblem problem = problem(list);
                assertTrue(problem == TrustListProblem.MALFORMED || problem == TrustListProblem.BAD_SIGNATURE,
                        problem::toString);
            }
        }

        @Test
        void algMismatchingTheRoot() {
            assertEquals(TrustListProblem.UNSUPPORTED_ALG, problem(envelope(b -> b.protectedHeader(
                    CoseHeaders.algAndKid(-8, AUTHORITY.rootKid())))));
            TrustListAuthority edAuthority = new TrustListAuthority("ED-AUTH", SimKeyPair.ed25519(SimRandom.seeded(25)));
            TrustRoot edRoot = Vt1Fixture.root(edAuthority.rootPem());
            byte[] es256Header = edAuthority.trustListSigner(Vt1Fixture.listContent().toClaims("ED-AUTH"))
                    .protectedHeader(CoseHeaders.algAndKid(-7, edAuthority.rootKid())).sign().encode();
            assertEquals(TrustListProblem.UNSUPPORTED_ALG, problem(es256Header, List.of(edRoot)));
        }

        @Test
        void algOutsideEs256AndEdDsa() {
            assertEquals(TrustListProblem.UNSUPPORTED_ALG, problem(envelope(b -> b.protectedHeader(
                    CoseHeaders.algAndKid(-35, AUTHORITY.rootKid())))));
            assertEquals(TrustListProblem.UNSUPPORTED_ALG, problem(envelope(b -> b.protectedHeader(
                    CoseHeaders.algAndKid(-37, AUTHORITY.rootKid())))));
        }

        /**
         * "Kid collision (two keys, second verifies)" of §5.4 F. VT1 trust lists cannot hold two
         * keys with one kid: the whole list is refused, whichever record would verify. (The HC1
         * side is different: several document signers may share a kid and each is tried — see
         * Hc1VerifierTest and Hc1TrustStoreTest.)
         */
        @Test
        void twoIssuerKeysWithOneKid() {
            Issuer cnam = WORLD.cnam();
            IssuerKeyEntry other = new IssuerKeyEntry(cnam.kid(), cnam.issuerId(), SimKeyPair.ES256,
                    SimKeyPair.p256(SimRandom.seeded(26)).coseKey(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), false);
            TrustListContent wrongFirst = TrustListContent.builder().version(2).issuedAt(NOW).expiresAt(NOW.plus(Duration.ofDays(7)))
                    .issuerKey(other).issuerKey(cnam.keyEntry());
            TrustListContent rightFirst = TrustListContent.builder().version(2).issuedAt(NOW).expiresAt(NOW.plus(Duration.ofDays(7)))
                    .issuerKey(cnam.keyEntry()).issuerKey(other);
            assertEquals(TrustListProblem.DUPLICATE_KID, problem(Vt1Fixture.signList(wrongFirst)));
            assertEquals(TrustListProblem.DUPLICATE_KID, problem(Vt1Fixture.signList(rightFirst)));
            TrustListContent sameRecordTwice = TrustListContent.builder().version(2).issuedAt(NOW)
                    .expiresAt(NOW.plus(Duration.ofDays(7))).issuerKey(cnam.keyEntry()).issuerKey(cnam.keyEntry());
            assertEquals(TrustListProblem.DUPLICATE_KID, problem(Vt1Fixture.signList(sameRecordTwice)));
        }
    }

    @Nested
    class Gate {
        private final TrustList v1 = Vt1Fixture.TRUST_LIST;

        @Test
        void theFirstListIsAdmitted() throws Exception {
            assertTrue(TrustListGate.admit(v1, -1, null, NOW, GRACE));
        }

        @Test
        void aNewerVersionIsAdmitted() throws Exception {
            TrustList v2 = Vt1Fixture.trustList(Vt1Fixture.listContent());
            assertTrue(TrustListGate.admit(v2, 1, v1, NOW, GRACE));
            TrustList v7 = Vt1Fixture.trustList(Vt1Fixture.listContent(7, NOW, NOW.plus(Duration.ofDays(7))));
            assertTrue(TrustListGate.admit(v7, 1, v1, NOW, GRACE), "versions may jump");
        }

        @Test
        void reReadingTheSameBytesIsANoOp() throws Exception {
            TrustList again = Vt1Fixture.readTrustList(WORLD.trustList());
            assertFalse(TrustListGate.admit(again, 1, v1, NOW, GRACE));
            Instant late = v1.expiresAt().plus(GRACE).plusSeconds(1);
            assertFalse(TrustListGate.admit(again, 1, v1, late, GRACE), "a no-op even when stale: nothing changes");
        }

        @Test
        void versionRollbackIsRefused() {
            TrustList v0 = Vt1Fixture.trustList(Vt1Fixture.listContent(0, NOW, NOW.plus(Duration.ofDays(7))));
            assertEquals(TrustListProblem.ROLLBACK,
                    assertThrows(TrustListException.class, () -> TrustListGate.admit(v0, 1, v1, NOW, GRACE)).problem());
            // the same version with other bytes (re-signed, later iat) is not "the same list"
            TrustList otherV1 = Vt1Fixture.trustList(Vt1Fixture.listContent(1, NOW.plusSeconds(60), NOW.plus(Duration.ofDays(8))));
            assertEquals(TrustListProblem.ROLLBACK,
                    assertThrows(TrustListException.class, () -> TrustListGate.admit(otherV1, 1, v1, NOW, GRACE)).problem());
            // an older list that is still held in no state: the persisted highest version decides
            TrustList v2 = Vt1Fixture.trustList(Vt1Fixture.listContent());
            assertEquals(TrustListProblem.ROLLBACK,
                    assertThrows(TrustListException.class, () -> TrustListGate.admit(v2, 3, null, NOW, GRACE)).problem());
            assertEquals(TrustListProblem.ROLLBACK,
                    assertThrows(TrustListException.class, () -> TrustListGate.admit(v1, 1, null, NOW, GRACE)).problem(),
                    "the same bytes are a no-op only while they are the list in use");
        }

        @Test
        void aListAlreadyPastExpPlusGraceIsRefused() throws Exception {
            TrustList expired = Vt1Fixture.trustList(Vt1Fixture.listContent(2, NOW.minus(Duration.ofDays(10)),
                    NOW.minus(GRACE).minusSeconds(1)));
            assertEquals(TrustListProblem.STALE,
                    assertThrows(TrustListException.class, () -> TrustListGate.admit(expired, 1, v1, NOW, GRACE)).problem());
            TrustList withinGrace = Vt1Fixture.trustList(Vt1Fixture.listContent(2, NOW.minus(Duration.ofDays(10)),
                    NOW.minus(GRACE)));
            assertTrue(TrustListGate.admit(withinGrace, 1, v1, NOW, GRACE));
        }
    }
}
