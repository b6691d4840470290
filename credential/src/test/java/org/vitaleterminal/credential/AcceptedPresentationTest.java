package org.vitaleterminal.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitaleterminal.credential.Vt1Fixture.NOW;
import static org.vitaleterminal.credential.Vt1Fixture.TODAY;
import static org.vitaleterminal.credential.Vt1Fixture.WORLD;
import static org.vitaleterminal.credential.Vt1Fixture.assertAccepted;
import static org.vitaleterminal.credential.Vt1Fixture.assertBeneficiary;
import static org.vitaleterminal.credential.Vt1Fixture.assertReason;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vitaleterminal.credential.crypto.Kid;
import org.vitaleterminal.credential.vt1.Beneficiary;
import org.vitaleterminal.credential.vt1.CredentialInfo;
import org.vitaleterminal.credential.vt1.InMemoryReplayGuard;
import org.vitaleterminal.credential.vt1.Insured;
import org.vitaleterminal.credential.vt1.VerifiedPresentation;
import org.vitaleterminal.sim.data.BeneficiarySpec;
import org.vitaleterminal.sim.data.DatePeriod;
import org.vitaleterminal.sim.data.InsuredSpec;
import org.vitaleterminal.sim.issuer.MintedCredential;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/** The accepted paths, and that what the terminal reports is exactly what the issuer signed. */
@ExtendWith(ReasonLedger.class)
class AcceptedPresentationTest {
    private final Vt1Fixture fx = Vt1Fixture.create();

    private static void assertInsured(InsuredSpec expected, Insured actual) {
        assertEquals(expected.nir(), actual.nir(), "insured NIR");
        assertEquals(expected.nirKey(), actual.nirKey(), "insured NIR key");
        assertEquals(expected.organisme().regime(), actual.organisme().regime(), "régime");
        assertEquals(expected.organisme().caisse(), actual.organisme().caisse(), "caisse");
        assertEquals(expected.organisme().centre(), actual.organisme().centre(), "centre");
        assertEquals(expected.organisme().gestion(), actual.organisme().gestion(), "code gestion");
    }

    private static void assertCredential(MintedCredential minted, String issuer, CredentialInfo actual) {
        assertArrayEquals(minted.cti(), actual.id(), "cti");
        assertEquals(issuer, actual.issuer(), "iss");
        assertEquals(Kid.of(minted.issuerKid()), actual.kid(), "kid");
        assertEquals(minted.issuedAt(), actual.issuedAt(), "iat");
        assertEquals(minted.notBefore(), actual.notBefore(), "nbf");
        assertEquals(minted.expiresAt(), actual.expiresAt(), "exp");
        assertEquals(minted.demo(), actual.demo(), "demo");
    }

    @Test
    @Covers(Reason.OK)
    void qrAndWedgeTextsAreAcceptedWithTheirChannel() {
        Wallet marie = WORLD.singleAdult();
        assertEquals(Channel.QR, assertAccepted(fx.qr(marie.presentQr(NOW, SimRandom.seeded(1), 0))).channel());
        assertEquals(Channel.WEDGE, assertAccepted(fx.wedge(marie.presentQr(NOW, SimRandom.seeded(2), 0))).channel());
    }

    @Test
    @Covers(Reason.OK)
    void nfcWithThisTapsChallenge() {
        byte[] challenge = fx.nonce();
        VerifiedPresentation accepted = assertAccepted(fx.nfc(WORLD.singleAdult().presentNfc(challenge, NOW, 0), challenge));
        assertEquals(Channel.NFC, accepted.channel());
        assertArrayEquals(challenge, accepted.presentation().nonce());
    }

    @Test
    @Covers(Reason.OK)
    void everyVerifiedFieldIsWhatTheSimMinted() {
        Wallet marie = WORLD.singleAdult();
        MintedCredential minted = marie.credential();
        Instant iat = NOW.minusSeconds(42);
        Vt1Fixture.Presentation presentation = fx.present(marie).at(iat);
        byte[] nonce = presentation.nonceUsed();
        VerifiedPresentation accepted = assertAccepted(fx.qr(presentation.qr()));

        assertCredential(minted, SampleWorld.CNAM, accepted.credential());
        assertFalse(accepted.credential().delegated());
        assertNull(accepted.credential().delegate());
        assertNull(accepted.credential().delegatedUntil());
        assertEquals(iat, accepted.presentation().at());
        assertArrayEquals(nonce, accepted.presentation().nonce());
        assertInsured(minted.insured(), accepted.insured());
        assertEquals(1, accepted.beneficiaries().size());
        BeneficiarySpec expected = minted.beneficiary(0);
        assertTrue(expected.ownNir() != null && expected.ins() != null && expected.amc() != null,
                "Marie has every optional field but coverage");
        assertBeneficiary(expected, accepted.beneficiaries().get(0));
    }

    @Test
    @Covers(Reason.OK)
    void coverageAndBirthNameArriveAsMinted() {
        Wallet family = WORLD.family();
        VerifiedPresentation accepted = assertAccepted(fx.qr(fx.present(family).disclose(3, 1).qr()));
        assertBeneficiary(family.credential().beneficiary(3), accepted.beneficiaries().get(0));
        assertEquals("ALD", accepted.beneficiaries().get(0).coverage().get(0).code());
        assertBeneficiary(family.credential().beneficiary(1), accepted.beneficiaries().get(1));
        assertEquals("LEROY", accepted.beneficiaries().get(1).birthName());
    }

    @Test
    @Covers(Reason.OK)
    void eddsaIssuer() {
        Wallet farmer = WORLD.msaFarmer();
        VerifiedPresentation accepted = assertAccepted(fx.qr(fx.present(farmer).qr()));
        assertCredential(farmer.credential(), SampleWorld.MSA, accepted.credential());
        assertEquals(Kid.of(WORLD.msa().kid()), accepted.credential().kid());
        assertInsured(farmer.credential().insured(), accepted.insured());
        assertNull(accepted.insured().organisme().gestion(), "MSA has no code gestion");
        assertBeneficiary(farmer.credential().beneficiary(0), accepted.beneficiaries().get(0));
    }

    @Test
    @Covers(Reason.OK)
    void oneFamilyMemberChosenIsTheOnlyOneReturned() {
        Wallet family = WORLD.family();
        VerifiedPresentation accepted = assertAccepted(fx.qr(fx.present(family).disclose(2).qr()));
        assertEquals(1, accepted.beneficiaries().size());
        Beneficiary lea = accepted.beneficiaries().get(0);
        assertEquals("Léa", lea.firstName());
        assertBeneficiary(family.credential().beneficiary(2), lea);
        assertInsured(family.credential().insured(), accepted.insured());
    }

    @Test
    @Covers(Reason.OK)
    void severalFamilyMembersInTheOrderShown() {
        Wallet family = WORLD.family();
        VerifiedPresentation two = assertAccepted(fx.qr(fx.present(family).disclose(3, 0).qr()));
        assertEquals(List.of("Hugo", "Thomas"), two.beneficiaries().stream().map(Beneficiary::firstName).toList());
        VerifiedPresentation all = assertAccepted(fx.qr(fx.present(family).disclose(0, 1, 2, 3).qr()));
        assertEquals(4, all.beneficiaries().size());
        for (int i = 0; i < 4; i++) {
            assertBeneficiary(family.credential().beneficiary(i), all.beneficiaries().get(i));
        }
    }

    @Test
    @Covers(Reason.OK)
    void sixteenBeneficiariesAllDisclosedOverNfc() {
        BeneficiarySpec[] children = new BeneficiarySpec[16];
        for (int i = 0; i < 16; i++) {
            children[i] = BeneficiarySpec.builder().nomUsuel("DUPONT").prenom("E" + i).birthDate("20100101")
                    .rang(1 + i % 9).qualite(6).amoPeriod(new DatePeriod("20260101", "20261231")).build();
        }
        Wallet large = fx.mintFor(children);
        int[] all = java.util.stream.IntStream.range(0, 16).toArray();
        byte[] challenge = fx.nonce();
        byte[] bytes = fx.present(large).disclose(all).forNfc(challenge).bytes();
        assertTrue(bytes.length <= 4096, () -> bytes.length + " bytes");
        VerifiedPresentation accepted = assertAccepted(fx.nfc(bytes, challenge));
        assertEquals(16, accepted.beneficiaries().size());
        for (int i = 0; i < 16; i++) {
            assertBeneficiary(children[i], accepted.beneficiaries().get(i));
        }
    }

    @Test
    @Covers(Reason.OK)
    void delegatedCredential() {
        Wallet delegated = WORLD.delegated();
        VerifiedPresentation accepted = assertAccepted(fx.qr(fx.present(delegated).disclose(1, 0).qr()));
        CredentialInfo credential = accepted.credential();
        assertTrue(credential.delegated());
        assertEquals("Françoise DURAND", credential.delegate());
        assertEquals(delegated.credential().issuedAt().plus(Duration.ofDays(14)), credential.delegatedUntil());
        assertCredential(delegated.credential(), SampleWorld.CNAM, credential);
        assertEquals(List.of("Hugo", "Léa"), accepted.beneficiaries().stream().map(Beneficiary::firstName).toList());
        assertFalse(credential.toString().contains("Françoise"), "the delegate's name is personal data");
    }

    @Test
    @Covers(Reason.OK)
    void demoCredentialInDemoMode() {
        Wallet demo = WORLD.demo();
        Vt1Fixture demoMode = fx.demoMode();
        VerifiedPresentation accepted = assertAccepted(demoMode.qr(demoMode.present(demo).qr()));
        assertTrue(accepted.credential().demo());
        assertCredential(demo.credential(), SampleWorld.DEMO, accepted.credential());
        assertEquals("999", accepted.insured().organisme().caisse());
        assertEquals("20000100", accepted.beneficiaries().get(0).birthDate(), "unknown birth day");
        assertBeneficiary(demo.credential().beneficiary(0), accepted.beneficiaries().get(0));
    }

    @Test
    @Covers(Reason.OK)
    void rightsOpenAroundThePeriodBounds() {
        Beneficiary marie = assertAccepted(fx.qr(fx.present(WORLD.singleAdult()).qr())).beneficiaries().get(0);
        assertTrue(marie.rightsOpenOn(TODAY));

        Wallet closed = WORLD.closedRights();
        Beneficiary bernard = assertAccepted(fx.qr(fx.present(closed).qr())).beneficiaries().get(0);
        assertFalse(bernard.rightsOpenOn(TODAY), "an accepted credential can carry closed rights");
        DatePeriod period = closed.credential().beneficiary(0).amoPeriods().get(0);
        LocalDate from = LocalDate.parse(period.from(), DateTimeFormatter.BASIC_ISO_DATE);
        LocalDate to = LocalDate.parse(period.to(), DateTimeFormatter.BASIC_ISO_DATE);
        assertTrue(to.isBefore(TODAY));
        assertFalse(bernard.rightsOpenOn(from.minusDays(1)));
        assertTrue(bernard.rightsOpenOn(from), "both ends included");
        assertTrue(bernard.rightsOpenOn(from.plusDays(100)));
        assertTrue(bernard.rightsOpenOn(to), "both ends included");
        assertFalse(bernard.rightsOpenOn(to.plusDays(1)));
    }

    @Test
    @Covers(Reason.OK)
    void rightsOpenOnAnyOfSeveralPeriods() {
        Wallet wallet = fx.mintFor(Vt1Fixture.marie()
                .amoPeriod(new DatePeriod("20200101", "20201231"))
                .amoPeriod(new DatePeriod("20220101", "20221231")).build());
        Beneficiary b = assertAccepted(fx.qr(fx.present(wallet).qr())).beneficiaries().get(0);
        assertTrue(b.rightsOpenOn(TODAY), "Marie's open period is still there");
        assertTrue(b.rightsOpenOn(LocalDate.of(2020, 6, 1)));
        assertFalse(b.rightsOpenOn(LocalDate.of(2021, 6, 1)));
        assertTrue(b.rightsOpenOn(LocalDate.of(2022, 12, 31)));
    }

    @Test
    @Covers({Reason.OK, Reason.REPLAYED})
    void aReplayedTextIsRefusedWhileAFreshPresentationOfTheSameCredentialIsAccepted() {
        Wallet marie = WORLD.singleAdult();
        String text = fx.present(marie).qr();
        assertAccepted(fx.qr(text));
        assertReason(Reason.REPLAYED, fx.qrAt(text, NOW.plusSeconds(30)));
        assertAccepted(fx.qrAt(fx.present(marie).at(NOW.plusSeconds(30)).qr(), NOW.plusSeconds(30)));
        assertAccepted(fx.qrAt(marie.presentQr(NOW.plusSeconds(31), SimRandom.seeded(5), 0), NOW.plusSeconds(31)));
    }

    @Test
    @Covers({Reason.OK, Reason.STALE})
    void afterTheQrWindowTheReplayMemoryForgets() {
        InMemoryReplayGuard guard = (InMemoryReplayGuard) fx.replayGuard();
        Wallet marie = WORLD.singleAdult();
        Vt1Fixture.Presentation presentation = fx.present(marie);
        byte[] nonce = presentation.nonceUsed();
        String text = presentation.qr();
        assertAccepted(fx.qr(text));
        byte[] cti = marie.credential().cti();
        assertTrue(guard.wasAccepted(cti, nonce, NOW.plusSeconds(120)), "remembered until iat + maxAge");
        assertFalse(guard.wasAccepted(cti, nonce, NOW.plusSeconds(121)), "forgotten after iat + maxAge");
        assertEquals(0, guard.size());
        assertReason(Reason.STALE, fx.qrAt(text, NOW.plusSeconds(121)));
    }

    @Test
    @Covers(Reason.OK)
    void anNfcPresentationIsRememberedFiveMinutes() {
        InMemoryReplayGuard guard = (InMemoryReplayGuard) fx.replayGuard();
        byte[] challenge = fx.nonce();
        Instant iat = NOW.minusSeconds(100);
        assertAccepted(fx.nfc(WORLD.singleAdult().presentNfc(challenge, iat, 0), challenge));
        byte[] cti = WORLD.singleAdult().credential().cti();
        assertTrue(guard.wasAccepted(cti, challenge, iat.plusSeconds(300)));
        assertFalse(guard.wasAccepted(cti, challenge, iat.plusSeconds(301)));
    }

    @Test
    @Covers(Reason.OK)
    void whatIsPrintedHoldsNoPersonalData() {
        VerifiedPresentation accepted = assertAccepted(fx.qr(fx.present(WORLD.singleAdult()).qr()));
        String printed = accepted + " " + accepted.insured() + " " + accepted.beneficiaries()
                + " " + accepted.beneficiaries().get(0).ins();
        for (String personal : List.of("DUPONT", "Marie", "19850314", "2850375114123")) {
            assertFalse(printed.contains(personal), () -> "printed " + personal);
        }
    }
}
