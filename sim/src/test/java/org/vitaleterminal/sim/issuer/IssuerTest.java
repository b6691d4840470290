package org.vitaleterminal.sim.issuer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.data.Household;
import org.vitaleterminal.sim.data.SamplePeople;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.testing.CoseView;
import org.vitaleterminal.sim.testing.JdkSignatures;
import org.vitaleterminal.sim.testing.TinyCborReader;
import org.vitaleterminal.sim.trust.IssuerKeyEntry;

class IssuerTest {
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final Household FAMILY = new SamplePeople(LocalDate.of(2026, 3, 15)).family();

    private final Issuer cnam = new Issuer("FR-CNAM", SimKeyPair.p256(SimRandom.seeded(1)),
            NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(100)), false);

    private MintedCredential mintFamily() {
        return cnam.mint(CredentialRequest.builder().household(FAMILY).validity(NOW, Duration.ofDays(30)).build(),
                SimRandom.seeded(2));
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    @Test
    void credentialEnvelopeIsSignedByTheIssuerKeyUnderTheCredentialAad() throws Exception {
        MintedCredential minted = mintFamily();
        CoseView view = CoseView.decode(minted.credential());
        assertEquals(18, view.tag());
        assertEquals(List.of(1L, 4L), List.copyOf(view.protectedHeader().keySet()));
        assertEquals(-7L, view.protectedHeader().get(1L));
        assertArrayEquals(cnam.kid(), (byte[]) view.protectedHeader().get(4L));
        assertArrayEquals(cnam.kid(), minted.issuerKid());
        assertEquals(Map.of(), view.unprotected());
        assertEquals(64, view.signature().length);
        assertTrue(JdkSignatures.verify(cnam.key().spkiDer(), -7, view.sigStructure("VT1/credential"), view.signature()));
    }

    @Test
    void claimsFollowTheCddl() {
        MintedCredential minted = mintFamily();
        Map<Object, Object> claims = CoseView.decode(minted.credential()).claims();
        assertEquals(List.of(1L, 4L, 5L, 6L, 7L, 8L, -70001L), List.copyOf(claims.keySet()));
        assertEquals("FR-CNAM", claims.get(1L));
        assertEquals(NOW.plus(Duration.ofDays(30)).getEpochSecond(), claims.get(4L));
        assertEquals(NOW.getEpochSecond(), claims.get(5L));
        assertEquals(NOW.getEpochSecond(), claims.get(6L));
        assertArrayEquals(minted.cti(), (byte[]) claims.get(7L));
        assertEquals(16, minted.cti().length);

        Map<?, ?> cnf = (Map<?, ?>) claims.get(8L);
        assertEquals(List.of(1L), List.copyOf(cnf.keySet()));
        assertArrayEquals(minted.deviceKey().coseKey().encode(), reencodeCoseKey((Map<?, ?>) cnf.get(1L)));
        assertEquals(-7, minted.deviceKey().alg());

        Map<?, ?> data = (Map<?, ?>) claims.get(-70001L);
        assertEquals(List.of(1L, 2L, 3L), List.copyOf(data.keySet()), "no delegation, no demo flag");
        assertEquals(1L, data.get(1L));
        Map<?, ?> insured = (Map<?, ?>) data.get(2L);
        assertEquals(FAMILY.insured().nir(), insured.get(1L));
        assertEquals((long) FAMILY.insured().nirKey(), insured.get(2L));
        assertEquals(Map.of(1L, "01", 2L, "691", 3L, "0200", 4L, "10"), insured.get(3L));
    }

    @Test
    void digestsAreSha256OfEachDisclosureSortedBytewise() throws Exception {
        MintedCredential minted = mintFamily();
        Map<?, ?> data = (Map<?, ?>) CoseView.decode(minted.credential()).claims().get(-70001L);
        List<?> digests = (List<?>) data.get(3L);
        assertEquals(4, digests.size());
        List<byte[]> expected = new ArrayList<>();
        for (byte[] disclosure : minted.disclosures()) {
            expected.add(sha256(disclosure));
        }
        expected.sort(Arrays::compareUnsigned);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(expected.get(i), (byte[]) digests.get(i));
            assertArrayEquals(sha256(minted.disclosure(i)), minted.digest(i));
        }
    }

    @Test
    void disclosureIsSaltAndBeneficiaryMap() {
        MintedCredential minted = mintFamily();
        for (int i = 0; i < 4; i++) {
            List<?> disclosure = (List<?>) TinyCborReader.decode(minted.disclosure(i));
            assertEquals(2, disclosure.size());
            assertEquals(16, ((byte[]) disclosure.get(0)).length);
            Map<?, ?> beneficiary = (Map<?, ?>) disclosure.get(1);
            assertEquals(FAMILY.beneficiary(i).prenom(), beneficiary.get(3L));
            assertEquals((long) FAMILY.beneficiary(i).qualite(), beneficiary.get(6L));
        }
        Map<?, ?> julie = (Map<?, ?>) ((List<?>) TinyCborReader.decode(minted.disclosure(1))).get(1);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), List.copyOf(julie.keySet()));
        assertEquals("DURAND", julie.get(1L));
        assertEquals("LEROY", julie.get(2L));
        assertEquals("19821121", julie.get(4L));
        assertEquals(1L, julie.get(5L));
        assertEquals(List.of("2821169266087", 96L), julie.get(7L));
        assertEquals(List.of("282116926608796", "1.2.250.1.213.1.4.10"), julie.get(8L));
        Map<?, ?> hugo = (Map<?, ?>) ((List<?>) TinyCborReader.decode(minted.disclosure(3))).get(1);
        Map<?, ?> ald = (Map<?, ?>) ((List<?>) hugo.get(10L)).get(0);
        assertEquals("ALD", ald.get(1L));
        assertEquals(List.of(1L, 2L, 3L), List.copyOf(ald.keySet()));
    }

    @Test
    void saltsDifferSoEqualBeneficiariesGetDifferentDigests() {
        var twin = FAMILY.beneficiary(2);
        MintedCredential minted = cnam.mint(CredentialRequest.builder().insured(FAMILY.insured())
                .beneficiary(twin).beneficiary(twin).validity(NOW, Duration.ofDays(1)).build(), SimRandom.seeded(3));
        assertFalse(Arrays.equals(minted.digest(0), minted.digest(1)));
    }

    @Test
    void optionalRequestFields() {
        SimKeyPair device = SimKeyPair.p256(SimRandom.seeded(4));
        byte[] cti = new byte[16];
        Arrays.fill(cti, (byte) 7);
        Instant until = NOW.plus(Duration.ofDays(14));
        MintedCredential minted = cnam.mint(CredentialRequest.builder().household(FAMILY)
                .issuedAt(NOW).notBefore(NOW.plus(Duration.ofMinutes(5))).expiresAt(until)
                .cti(cti).deviceKey(device).demo(true)
                .delegation(new Delegation("Françoise DURAND", until)).build(), SimRandom.seeded(5));
        Map<Object, Object> claims = CoseView.decode(minted.credential()).claims();
        assertArrayEquals(cti, (byte[]) claims.get(7L));
        assertEquals(NOW.plus(Duration.ofMinutes(5)).getEpochSecond(), claims.get(5L));
        assertEquals(device, minted.deviceKey());
        Map<?, ?> data = (Map<?, ?>) claims.get(-70001L);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), List.copyOf(data.keySet()));
        assertEquals(Map.of(1L, "Françoise DURAND", 2L, until.getEpochSecond()), data.get(4L));
        assertEquals(Boolean.TRUE, data.get(5L));
    }

    @Test
    void requestAllowsOneToSixteenBeneficiaries() {
        var builder = CredentialRequest.builder().insured(FAMILY.insured()).validity(NOW, Duration.ofDays(1));
        assertThrows(IllegalArgumentException.class, builder::build);
        for (int i = 0; i < 16; i++) {
            builder.beneficiary(FAMILY.beneficiary(i % 4));
        }
        assertEquals(16, builder.build().beneficiaries().size());
        builder.beneficiary(FAMILY.beneficiary(0));
        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void tamperedClaimsCanBeSignedAndStayValidlySigned() throws Exception {
        MintedCredential minted = mintFamily();
        CborMapBuilder claims = minted.claims();
        claims.remove(CredentialClaims.CTI).put(CredentialClaims.EXP, Cbor.float64(1.0e9));
        claims.mapAt(CredentialClaims.VITALE_DATA).mapAt(CredentialClaims.DATA_INSURED).put(2, Cbor.integer(0));
        byte[] tampered = cnam.signCredential(claims);
        CoseView view = CoseView.decode(tampered);
        assertTrue(JdkSignatures.verify(cnam.key().spkiDer(), -7, view.sigStructure("VT1/credential"), view.signature()));
        Map<Object, Object> decoded = view.claims();
        assertNull(decoded.get(7L));
        assertEquals(1.0e9, decoded.get(4L));
        // the minted credential's own claims are untouched
        assertEquals(16, ((byte[]) CoseView.decode(minted.credential()).claims().get(7L)).length);
        assertArrayEquals(tampered, minted.withCredential(tampered).credential());
    }

    @Test
    void keyEntryDescribesTheIssuerKey() {
        IssuerKeyEntry entry = cnam.keyEntry();
        Map<Object, Object> map = TinyCborReader.decodeMap(entry.toCbor().encode());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), List.copyOf(map.keySet()));
        assertArrayEquals(cnam.kid(), (byte[]) map.get(1L));
        assertEquals("FR-CNAM", map.get(2L));
        assertEquals(-7L, map.get(3L));
        assertEquals(NOW.minus(Duration.ofDays(10)).getEpochSecond(), map.get(5L));
        assertEquals(NOW.plus(Duration.ofDays(100)).getEpochSecond(), map.get(6L));
        Issuer demo = new Issuer("FR-DEMO", SimKeyPair.ed25519(SimRandom.seeded(6)), NOW, NOW, true);
        Map<Object, Object> demoMap = TinyCborReader.decodeMap(demo.keyEntry().toCbor().encode());
        assertEquals(Boolean.TRUE, demoMap.get(7L));
        assertEquals(-8L, demoMap.get(3L));
        assertEquals(Map.of(1L, 1L, -1L, 6L), Map.of(1L, ((Map<?, ?>) demoMap.get(4L)).get(1L), -1L,
                ((Map<?, ?>) demoMap.get(4L)).get(-1L)));
    }

    @Test
    void ed25519IssuerSignsWithEdDsa() throws Exception {
        Issuer msa = new Issuer("FR-MSA", SimKeyPair.ed25519(SimRandom.seeded(7)), NOW, NOW.plus(Duration.ofDays(60)), false);
        MintedCredential minted = msa.mint(CredentialRequest.builder().household(FAMILY)
                .validity(NOW, Duration.ofDays(30)).build(), SimRandom.seeded(8));
        CoseView view = CoseView.decode(minted.credential());
        assertEquals(-8L, view.protectedHeader().get(1L));
        assertTrue(JdkSignatures.verify(msa.key().spkiDer(), -8, view.sigStructure("VT1/credential"), view.signature()));
    }

    private static byte[] reencodeCoseKey(Map<?, ?> key) {
        return Cbor.map().put(1, Cbor.integer((Long) key.get(1L))).put(-1, Cbor.integer((Long) key.get(-1L)))
                .put(-2, Cbor.bytes((byte[]) key.get(-2L))).put(-3, Cbor.bytes((byte[]) key.get(-3L))).encode();
    }
}
