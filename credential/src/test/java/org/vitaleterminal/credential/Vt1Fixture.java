package org.vitaleterminal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.credential.vt1.Beneficiary;
import org.vitaleterminal.credential.vt1.InMemoryReplayGuard;
import org.vitaleterminal.credential.vt1.Period;
import org.vitaleterminal.credential.vt1.ReplayGuard;
import org.vitaleterminal.credential.vt1.VerifiedPresentation;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.cbor.CborValue;
import org.vitaleterminal.sim.codec.Vt1QrText;
import org.vitaleterminal.sim.cose.CoseSign1Builder;
import org.vitaleterminal.sim.data.BeneficiarySpec;
import org.vitaleterminal.sim.data.DatePeriod;
import org.vitaleterminal.sim.issuer.CredentialClaims;
import org.vitaleterminal.sim.issuer.CredentialRequest;
import org.vitaleterminal.sim.issuer.Disclosure;
import org.vitaleterminal.sim.issuer.Issuer;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.trust.IssuerKeyEntry;
import org.vitaleterminal.sim.trust.Revocation;
import org.vitaleterminal.sim.trust.TrustListContent;
import org.vitaleterminal.sim.wallet.PresentationChannel;
import org.vitaleterminal.sim.wallet.PresentationClaims;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * The shared setup of the VT1 end-to-end tests: one simulated world (issuers, trust-list
 * authority, wallets) minted by the independent {@code sim} module, a terminal state around it,
 * and a {@link CredentialVerifier} with its own replay memory. Each test takes a fresh fixture
 * ({@link #create()}), so replay memories never leak between tests.
 *
 * <p>{@link Presentation} builds a presentation from a wallet with any part changed: the
 * credential's claims or envelope (re-signed by the issuer), the disclosures and the digests the
 * credential lists, the presentation's claims or envelope (signed by the device key or another).
 */
final class Vt1Fixture {
    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, SampleWorld.ZONE);

    /** One world for every test: the keys are the slow part, and nothing in it changes. */
    static final SampleWorld WORLD = SampleWorld.create(SimRandom.seeded(20260315), NOW);
    static final TrustRoot ROOT = root(WORLD.rootPem());
    /** The world's signed trust list (version 1, exp NOW + 7 days), read with the pinned root. */
    static final TrustList TRUST_LIST = readTrustList(WORLD.trustList());

    private final SecureRandom random;
    private final VerificationPolicy policy;
    private final ReplayGuard replayGuard;
    private final TrustList trustList;
    private final boolean clockTrusted;
    private final CredentialVerifier verifier;

    private Vt1Fixture(SecureRandom random, VerificationPolicy policy, ReplayGuard replayGuard, TrustList trustList,
            boolean clockTrusted) {
        this.random = random;
        this.policy = policy;
        this.replayGuard = replayGuard;
        this.trustList = trustList;
        this.clockTrusted = clockTrusted;
        this.verifier = new CredentialVerifier(policy, replayGuard);
    }

    /** Default policy, the world's trust list, a trusted clock and an empty replay memory. */
    static Vt1Fixture create() {
        return new Vt1Fixture(SimRandom.seeded(7), VerificationPolicy.defaults(), new InMemoryReplayGuard(1024),
                TRUST_LIST, true);
    }

    /** The same terminal (replay memory included) with another policy. */
    Vt1Fixture withPolicy(VerificationPolicy other) {
        return new Vt1Fixture(random, other, replayGuard, trustList, clockTrusted);
    }

    Vt1Fixture demoMode() {
        return withPolicy(policy.withDemoMode(true));
    }

    /** The same terminal holding another trust list, or none ({@code null}). */
    Vt1Fixture withTrustList(TrustList list) {
        return new Vt1Fixture(random, policy, replayGuard, list, clockTrusted);
    }

    Vt1Fixture withUntrustedClock() {
        return new Vt1Fixture(random, policy, replayGuard, trustList, false);
    }

    Vt1Fixture withReplayGuard(ReplayGuard guard) {
        return new Vt1Fixture(random, policy, guard, trustList, clockTrusted);
    }

    ReplayGuard replayGuard() {
        return replayGuard;
    }

    VerificationPolicy policy() {
        return policy;
    }

    // ---- verifying ----

    TerminalState stateAt(Instant now) {
        return new TerminalState(now, clockTrusted, trustList, Hc1TrustStore.empty());
    }

    VerificationResult verifyText(String text, Channel channel, Instant now) {
        return verifier.verifyText(text, channel, stateAt(now));
    }

    /** A QR text read by the camera at {@link #NOW}. */
    VerificationResult qr(String text) {
        return verifyText(text, Channel.QR, NOW);
    }

    VerificationResult qrAt(String text, Instant now) {
        return verifyText(text, Channel.QR, now);
    }

    /** A text typed by a keyboard-wedge scanner (line ending already removed) at {@link #NOW}. */
    VerificationResult wedge(String text) {
        return verifyText(text, Channel.WEDGE, NOW);
    }

    /** Presentation bytes, sent as a QR text: {@code VT1:} + Base45(zlib(bytes)). */
    VerificationResult qrBytes(byte[] presentation) {
        return qr(Vt1QrText.of(presentation));
    }

    VerificationResult nfc(byte[] presentation, byte[] challenge) {
        return nfcAt(presentation, challenge, NOW);
    }

    VerificationResult nfcAt(byte[] presentation, byte[] challenge, Instant now) {
        return verifier.verifyNfc(presentation, challenge, stateAt(now));
    }

    // ---- minting ----

    /** 16 fresh bytes: a QR nonce or an NFC challenge. */
    byte[] nonce() {
        byte[] nonce = new byte[PresentationClaims.NONCE_LENGTH];
        random.nextBytes(nonce);
        return nonce;
    }

    /** A presentation of {@code wallet}'s credential, by default disclosing beneficiary 0 over QR at NOW. */
    Presentation present(Wallet wallet) {
        return new Presentation(this, wallet);
    }

    /** A fresh credential from {@code issuer}. */
    Wallet mint(Issuer issuer, CredentialRequest.Builder request) {
        return new Wallet(issuer.mint(request.build(), random));
    }

    /** A CNAM credential (iat NOW − 1 h, 30 days) for Marie DUPONT's insured with these beneficiaries. */
    Wallet mintFor(BeneficiarySpec... beneficiaries) {
        CredentialRequest.Builder request = CredentialRequest.builder()
                .insured(WORLD.singleAdult().credential().insured())
                .validity(NOW.minus(Duration.ofHours(1)), SampleWorld.CREDENTIAL_LIFETIME);
        for (BeneficiarySpec beneficiary : beneficiaries) {
            request.beneficiary(beneficiary);
        }
        return mint(WORLD.cnam(), request);
    }

    /** Marie DUPONT as minted in the world (own NIR, INS, AMO period, AMC), ready to be changed. */
    static BeneficiarySpec.Builder marie() {
        return WORLD.singleAdult().credential().beneficiary(0).toBuilder();
    }

    /** A disclosure of any beneficiary item, with a fixed salt. */
    static byte[] disclosureOf(CborValue beneficiary) {
        return Disclosure.create(new byte[16], beneficiary).bytes();
    }

    /** The issuer of the world that minted {@code wallet}'s credential. */
    static Issuer issuerOf(Wallet wallet) {
        byte[] kid = wallet.credential().issuerKid();
        for (Issuer issuer : List.of(WORLD.cnam(), WORLD.msa(), WORLD.demoIssuer())) {
            if (Arrays.equals(issuer.kid(), kid)) {
                return issuer;
            }
        }
        throw new IllegalArgumentException("not minted by an issuer of the world");
    }

    /** A new ES256 key, unknown to every trust list. */
    static SimKeyPair strangerKey(long seed) {
        return SimKeyPair.p256(SimRandom.seeded(seed));
    }

    // ---- trust lists ----

    static TrustRoot root(String pem) {
        try {
            return TrustRoot.fromPem(pem);
        } catch (Rejection e) {
            throw new AssertionError("the sim's root PEM is refused: " + e.detail(), e);
        }
    }

    /** A fresh copy of what the world's list says (keys and revocations), with these fields. */
    static TrustListContent listContent(long version, Instant issuedAt, Instant expiresAt) {
        TrustListContent world = WORLD.trustListContent();
        TrustListContent content = TrustListContent.builder().version(version).issuedAt(issuedAt).expiresAt(expiresAt);
        for (IssuerKeyEntry entry : world.issuerKeys()) {
            content.issuerKey(entry);
        }
        for (Revocation revocation : world.revocations()) {
            content.revoke(revocation.cti(), revocation.dropAfter());
        }
        return content;
    }

    /** Version 2 of the world's list, issued at NOW, valid 7 days. */
    static TrustListContent listContent() {
        return listContent(2, NOW, NOW.plus(SampleWorld.TRUST_LIST_LIFETIME));
    }

    static byte[] signList(TrustListContent content) {
        return WORLD.authority().sign(content);
    }

    static TrustList readTrustList(byte[] bytes) {
        try {
            return TrustListReader.read(bytes, List.of(ROOT));
        } catch (TrustListException e) {
            throw new AssertionError("trust list refused: " + e.problem() + " " + e.getMessage(), e);
        }
    }

    static TrustList trustList(TrustListContent content) {
        return readTrustList(signList(content));
    }

    // ---- assertions ----

    /** Asserts the exact reason and returns the rejection (records the reason for {@link Covers}). */
    static VerificationResult.Rejected assertReason(Reason expected, VerificationResult result) {
        assertNotEquals(Reason.OK, expected, "use assertAccepted");
        assertEquals(expected, result.reason(), () -> "got " + describe(result));
        VerificationResult.Rejected rejected = assertInstanceOf(VerificationResult.Rejected.class, result);
        ReasonLedger.asserted(expected);
        return rejected;
    }

    /**
     * Asserts the reason and that the fixed detail names the cause under test, for inputs where
     * another defect would give the same code (e.g. every CBOR fault is {@code FORMAT}).
     */
    static VerificationResult.Rejected assertReason(Reason expected, String detailPart, VerificationResult result) {
        VerificationResult.Rejected rejected = assertReason(expected, result);
        assertTrue(rejected.detail().contains(detailPart),
                () -> "expected a detail containing '" + detailPart + "', got '" + rejected.detail() + "'");
        return rejected;
    }

    static VerifiedPresentation assertAccepted(VerificationResult result) {
        assertEquals(Reason.OK, result.reason(), () -> "got " + describe(result));
        VerificationResult.AcceptedPresentation accepted =
                assertInstanceOf(VerificationResult.AcceptedPresentation.class, result);
        assertEquals(PayloadFormat.VT1, result.format());
        ReasonLedger.asserted(Reason.OK);
        return accepted.presentation();
    }

    static String describe(VerificationResult result) {
        if (result instanceof VerificationResult.Rejected rejected) {
            return rejected.reason() + " (" + rejected.detail() + ", format " + rejected.format() + ")";
        }
        return result.toString();
    }

    /** Every field of a verified beneficiary equals what the sim minted. */
    static void assertBeneficiary(BeneficiarySpec expected, Beneficiary actual) {
        assertEquals(expected.nomUsuel(), actual.lastName(), "nom usuel");
        assertEquals(expected.nomNaissance(), actual.birthName(), "nom de naissance");
        assertEquals(expected.prenom(), actual.firstName(), "prénom");
        assertEquals(expected.birthDate(), actual.birthDate(), "birth date");
        assertEquals(expected.rang(), actual.birthRank(), "rang");
        assertEquals(expected.qualite(), actual.quality(), "qualité");
        if (expected.ownNir() == null) {
            assertEquals(null, actual.nir(), "own NIR");
        } else {
            assertEquals(expected.ownNir().nir(), actual.nir(), "own NIR");
            assertEquals(expected.ownNir().key(), actual.nirKey(), "own NIR key");
        }
        if (expected.ins() == null) {
            assertEquals(null, actual.ins(), "INS");
        } else {
            assertEquals(expected.ins().matricule(), actual.ins().value(), "INS matricule");
            assertEquals(expected.ins().oid(), actual.ins().oid(), "INS OID");
        }
        assertEquals(periods(expected.amoPeriods()), actual.amo(), "AMO periods");
        if (expected.coverages() == null) {
            assertEquals(null, actual.coverage(), "coverage");
        } else {
            assertEquals(expected.coverages().size(), actual.coverage().size(), "coverage count");
            for (int i = 0; i < expected.coverages().size(); i++) {
                var want = expected.coverages().get(i);
                var got = actual.coverage().get(i);
                assertEquals(want.code(), got.code(), "coverage code");
                assertEquals(want.situation(), got.situation(), "coverage situation");
                assertEquals(period(want.period()), got.period(), "coverage period");
            }
        }
        if (expected.amc() == null) {
            assertEquals(null, actual.amc(), "AMC");
        } else {
            assertEquals(expected.amc().number(), actual.amc().number(), "AMC number");
            assertEquals(expected.amc().adherent(), actual.amc().adherent(), "AMC adherent");
            assertEquals(expected.amc().indicateurTraitement(), actual.amc().indicator(), "AMC indicator");
            assertEquals(period(expected.amc().period()), actual.amc().period(), "AMC period");
        }
    }

    static Period period(DatePeriod period) {
        return new Period(period.from(), period.to());
    }

    static List<Period> periods(List<DatePeriod> periods) {
        return periods.stream().map(Vt1Fixture::period).toList();
    }

    /**
     * One presentation to build. Unless told otherwise: the wallet's credential byte for byte,
     * beneficiary 0 disclosed, channel QR, iat {@link #NOW}, a random nonce, the outer envelope
     * exactly as a wallet writes it, signed by the device key. Any change to the credential's
     * claims, digest list or envelope re-signs it with its issuer (or {@link #signedBy}).
     */
    static final class Presentation {
        private final Vt1Fixture fixture;
        private final Wallet wallet;
        private Issuer issuer;
        private Consumer<CborMapBuilder> credentialClaimsEdit;
        private UnaryOperator<CoseSign1Builder> credentialEnvelope;
        private byte[] credentialOverride;
        private List<byte[]> listed;
        private List<byte[]> disclosures;
        private Instant issuedAt = NOW;
        private byte[] nonce;
        private long channel = PresentationChannel.QR.code();
        private Consumer<CborMapBuilder> presentationClaimsEdit = claims -> {};
        private UnaryOperator<CoseSign1Builder> envelope = UnaryOperator.identity();
        private SimKeyPair holderKey;

        private Presentation(Vt1Fixture fixture, Wallet wallet) {
            this.fixture = fixture;
            this.wallet = wallet;
            this.issuer = issuerOf(wallet);
            this.disclosures = List.of(wallet.credential().disclosure(0));
        }

        /** Edits the credential's claims (the sim's {@link CredentialClaims} keys) and re-signs them. */
        Presentation credentialClaims(Consumer<CborMapBuilder> edit) {
            credentialClaimsEdit = credentialClaimsEdit == null ? edit : credentialClaimsEdit.andThen(edit);
            return this;
        }

        /** Edits the credential's vitale-data map. */
        Presentation vitaleData(Consumer<CborMapBuilder> edit) {
            return credentialClaims(claims -> edit.accept(claims.mapAt(CredentialClaims.VITALE_DATA)));
        }

        /** Edits the insured map inside vitale-data. */
        Presentation insured(Consumer<CborMapBuilder> edit) {
            return vitaleData(data -> edit.accept(data.mapAt(CredentialClaims.DATA_INSURED)));
        }

        /** Re-signs the credential with another issuer's key and kid (claims unchanged unless edited). */
        Presentation signedBy(Issuer other) {
            this.issuer = other;
            return this;
        }

        /** Changes the issuer's COSE_Sign1 builder (headers, signer, signature, tag) before it signs. */
        Presentation credentialEnvelope(UnaryOperator<CoseSign1Builder> change) {
            credentialEnvelope = change;
            return this;
        }

        /** Puts these bytes in presentation claim 1 instead of a credential. */
        Presentation credentialBytes(byte[] bytes) {
            credentialOverride = bytes.clone();
            return this;
        }

        /** Discloses these beneficiaries of the wallet's credential, in this order. */
        Presentation disclose(int... indexes) {
            List<byte[]> chosen = new ArrayList<>();
            for (int index : indexes) {
                chosen.add(wallet.credential().disclosure(index));
            }
            disclosures = chosen;
            return this;
        }

        /** Discloses these bytes as they are. */
        Presentation discloseBytes(byte[]... bytes) {
            disclosures = List.of(bytes);
            return this;
        }

        /** Makes the credential list exactly the digests of these disclosures (re-signed) and discloses them. */
        Presentation listAndDisclose(byte[]... bytes) {
            listed = List.of(bytes);
            return discloseBytes(bytes);
        }

        Presentation at(Instant iat) {
            issuedAt = iat;
            return this;
        }

        Presentation nonce(byte[] value) {
            nonce = value.clone();
            return this;
        }

        Presentation channel(long value) {
            channel = value;
            return this;
        }

        /** Channel NFC, the challenge as the nonce. */
        Presentation forNfc(byte[] challenge) {
            return channel(PresentationChannel.NFC.code()).nonce(challenge);
        }

        /** Edits the presentation claims (the sim's {@link PresentationClaims} keys). */
        Presentation presentationClaims(Consumer<CborMapBuilder> edit) {
            presentationClaimsEdit = presentationClaimsEdit.andThen(edit);
            return this;
        }

        /** Changes the device key's COSE_Sign1 builder before it signs. */
        Presentation envelope(UnaryOperator<CoseSign1Builder> change) {
            envelope = change;
            return this;
        }

        /** Signs the presentation with another key than the credential's cnf. */
        Presentation holderKey(SimKeyPair key) {
            holderKey = key;
            return this;
        }

        byte[] nonceUsed() {
            if (nonce == null) {
                nonce = fixture.nonce();
            }
            return nonce.clone();
        }

        byte[] credential() {
            if (credentialOverride != null) {
                return credentialOverride.clone();
            }
            boolean resign = credentialClaimsEdit != null || credentialEnvelope != null || listed != null
                    || issuer != issuerOf(wallet);
            if (!resign) {
                return wallet.credential().credential();
            }
            CborMapBuilder claims = wallet.credential().claims();
            if (listed != null) {
                claims.mapAt(CredentialClaims.VITALE_DATA).put(CredentialClaims.DATA_DIGESTS,
                        Cbor.array(listed.stream().map(d -> Cbor.bytes(Disclosure.ofBytes(d).digest())).toList()));
            }
            if (credentialClaimsEdit != null) {
                credentialClaimsEdit.accept(claims);
            }
            CoseSign1Builder builder = issuer.credentialSigner(claims);
            if (credentialEnvelope != null) {
                builder = credentialEnvelope.apply(builder);
            }
            return builder.sign().encode();
        }

        CborMapBuilder claimsMap() {
            PresentationClaims claims = PresentationClaims.builder()
                    .credential(credential())
                    .issuedAt(issuedAt)
                    .nonce(nonceUsed())
                    .channel(channel);
            disclosures.forEach(claims::disclosure);
            CborMapBuilder map = claims.toMap();
            presentationClaimsEdit.accept(map);
            return map;
        }

        /** The presentation bytes (what NFC carries). */
        byte[] bytes() {
            CoseSign1Builder builder = wallet.presentationSigner(claimsMap());
            if (holderKey != null) {
                builder.signer(holderKey);
            }
            return envelope.apply(builder).sign().encode();
        }

        /** The four signed fields, untagged, for tests that re-wrap them. */
        org.vitaleterminal.sim.cbor.CborArray signedArray() {
            CoseSign1Builder builder = wallet.presentationSigner(claimsMap());
            if (holderKey != null) {
                builder.signer(holderKey);
            }
            return envelope.apply(builder).sign().array();
        }

        /** The QR text. */
        String qr() {
            return Vt1QrText.of(bytes());
        }
    }

    /**
     * A named way to verify something, for parameterized tests: {@code detail}, when not
     * {@code null}, must appear in the rejection's fixed detail.
     */
    record Case(String name, String detail, Function<Vt1Fixture, VerificationResult> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case when(String name, Function<Vt1Fixture, VerificationResult> run) {
        return new Case(name, null, run);
    }

    static Case when(String name, String detail, Function<Vt1Fixture, VerificationResult> run) {
        return new Case(name, detail, run);
    }

    /** Runs {@code c} on a fresh fixture and asserts its reason (and detail, if the case names one). */
    static VerificationResult.Rejected assertCase(Reason expected, Case c) {
        VerificationResult result = c.run().apply(create());
        return c.detail() == null ? assertReason(expected, result) : assertReason(expected, c.detail(), result);
    }
}
