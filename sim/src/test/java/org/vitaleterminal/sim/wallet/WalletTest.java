package org.vitaleterminal.sim.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.data.SamplePeople;
import org.vitaleterminal.sim.issuer.CredentialRequest;
import org.vitaleterminal.sim.issuer.Issuer;
import org.vitaleterminal.sim.issuer.MintedCredential;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.testing.CoseView;
import org.vitaleterminal.sim.testing.JdkSignatures;
import org.vitaleterminal.sim.testing.QrTextDecoder;

class WalletTest {
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final SamplePeople PEOPLE = new SamplePeople(LocalDate.of(2026, 3, 15));
    private static final Issuer CNAM = new Issuer("FR-CNAM", SimKeyPair.p256(SimRandom.seeded(1)),
            NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(100)), false);

    private static Wallet family() {
        return new Wallet(CNAM.mint(CredentialRequest.builder().household(PEOPLE.family())
                .validity(NOW.minus(Duration.ofHours(1)), Duration.ofDays(30)).build(), SimRandom.seeded(2)));
    }

    @Test
    void qrPresentationHasTheExactShape() throws Exception {
        Wallet wallet = family();
        MintedCredential credential = wallet.credential();
        byte[] presentation = QrTextDecoder.presentationBytes(wallet.presentQr(NOW, SimRandom.seeded(3), 2));

        assertEquals("d28443a10126a0", HexFormat.of().formatHex(Arrays.copyOf(presentation, 7)),
                "tag 18, array(4), protected bstr {1: -7}, unprotected {}");
        CoseView view = CoseView.decode(presentation);
        assertArrayEquals(HexFormat.of().parseHex("a10126"), view.protectedBytes());
        assertEquals(Map.of(), view.unprotected());
        assertEquals(64, view.signature().length);
        assertTrue(JdkSignatures.verify(credential.deviceKey().spkiDer(), -7,
                view.sigStructure("VT1/presentation"), view.signature()));

        Map<Object, Object> claims = view.claims();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), List.copyOf(claims.keySet()));
        assertArrayEquals(credential.credential(), (byte[]) claims.get(1L), "the credential's exact bytes");
        assertEquals(NOW.getEpochSecond(), claims.get(2L));
        assertEquals(16, ((byte[]) claims.get(3L)).length);
        assertEquals(1L, claims.get(4L));
        List<?> disclosures = (List<?>) claims.get(5L);
        assertEquals(1, disclosures.size());
        assertArrayEquals(credential.disclosure(2), (byte[]) disclosures.get(0));
    }

    @Test
    void nfcPresentationIsRawWithTheChallengeAsNonce() throws Exception {
        Wallet wallet = family();
        byte[] challenge = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        byte[] presentation = wallet.presentNfc(challenge, NOW, 3, 0);
        CoseView view = CoseView.decode(presentation);
        Map<Object, Object> claims = view.claims();
        assertArrayEquals(challenge, (byte[]) claims.get(3L));
        assertEquals(2L, claims.get(4L));
        List<?> disclosures = (List<?>) claims.get(5L);
        assertArrayEquals(wallet.credential().disclosure(3), (byte[]) disclosures.get(0));
        assertArrayEquals(wallet.credential().disclosure(0), (byte[]) disclosures.get(1));
        assertTrue(JdkSignatures.verify(wallet.credential().deviceKey().spkiDer(), -7,
                view.sigStructure("VT1/presentation"), view.signature()));
    }

    @Test
    void eachQrPresentationHasAFreshNonce() throws Exception {
        Wallet wallet = family();
        var random = SimRandom.seeded(4);
        byte[] first = (byte[]) CoseView.decode(wallet.presentQrBytes(NOW, random, 0)).claims().get(3L);
        byte[] second = (byte[]) CoseView.decode(wallet.presentQrBytes(NOW, random, 0)).claims().get(3L);
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void atLeastOneBeneficiary() {
        assertThrows(IllegalArgumentException.class, () -> family().presentNfc(new byte[16], NOW));
    }

    @Test
    void tamperedClaimsAndAnotherKey() throws Exception {
        Wallet wallet = family();
        var claims = wallet.claims(NOW, new byte[16], PresentationChannel.QR, 0).toMap();
        claims.put(PresentationClaims.CHANNEL, Cbor.integer(3)).putDuplicate(PresentationClaims.IAT, Cbor.integer(0));
        SimKeyPair thief = SimKeyPair.p256(SimRandom.seeded(5));
        CoseView view = CoseView.decode(wallet.signPresentation(claims, thief));
        assertTrue(JdkSignatures.verify(thief.spkiDer(), -7, view.sigStructure("VT1/presentation"), view.signature()));
        assertFalse(JdkSignatures.verify(wallet.credential().deviceKey().spkiDer(), -7,
                view.sigStructure("VT1/presentation"), view.signature()));
        assertThrows(IllegalArgumentException.class, view::claims, "the duplicate key is really there");
    }

    @Test
    void emptyDisclosureListThroughTheClaimsBuilder() {
        Wallet wallet = family();
        var claims = PresentationClaims.builder().credential(wallet.credential().credential()).issuedAt(NOW)
                .nonce(new byte[16]).channel(PresentationChannel.QR).toMap();
        assertEquals(List.of(), CoseView.decode(wallet.signPresentation(claims)).claims().get(5L));
    }
}
