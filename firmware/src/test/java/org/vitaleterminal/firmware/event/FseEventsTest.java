package org.vitaleterminal.firmware.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.credential.vt1.InMemoryReplayGuard;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.Configuration;
import org.vitaleterminal.firmware.json.EventSchema;
import org.vitaleterminal.firmware.outbox.SqliteOutbox;
import org.vitaleterminal.firmware.outbox.StoredEvent;
import org.vitaleterminal.firmware.outbox.TestClock;
import org.vitaleterminal.firmware.outbox.UuidV7;
import org.vitaleterminal.sim.data.BeneficiarySpec;
import org.vitaleterminal.sim.issuer.MintedCredential;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;
import org.vitaleterminal.testing.PublicSuites;

/**
 * Every event built here goes through a real outbox (which allocates seq and eventId) and is
 * validated against the published schema.
 */
class FseEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final TerminalIdentity TERMINAL = new TerminalIdentity("pharma-0042-t1", "750012345", "pharmacy");
    /** The fields a rejected event may have: the terminal's own metadata and the reason. */
    private static final Set<String> REJECTED_FIELDS = Set.of("schema", "type", "eventId", "seq", "terminalId", "siteId",
            "siteKind", "occurredAt", "clockSynced", "channel", "reason", "trustListVersion", "firmware", "latencyMs");

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(NOW);
    final SecureRandom random = SimRandom.seeded(7);
    static SampleWorld world;
    static TrustList trustList;
    SqliteOutbox outbox;
    static EventSchema schema;
    FseEvents events;
    final List<StoredEvent> produced = new ArrayList<>();

    @BeforeAll
    static void mintWorld() throws Exception {
        world = SampleWorld.create(SimRandom.seeded(2026), NOW);
        trustList = TrustListReader.read(world.trustList(), List.of(TrustRoot.fromPem(world.rootPem())));
        schema = EventSchema.published();
    }

    @BeforeEach
    void setUp() throws Exception {
        outbox = SqliteOutbox.open(dir.resolve(SqliteOutbox.FILE_NAME), 1000, clock, new UuidV7(clock, new SplittableRandom(1)));
        events = new FseEvents(TERMINAL, "1.2.3-test", clock);
    }

    @AfterEach
    void checkSequenceAndClose() {
        for (int i = 1; i < produced.size(); i++) {
            assertEquals(produced.get(i - 1).seq() + 1, produced.get(i).seq());
            assertTrue(produced.get(i).eventId().compareTo(produced.get(i - 1).eventId()) > 0);
        }
        outbox.close();
    }

    private CredentialVerifier verifier(boolean demo) {
        return new CredentialVerifier(VerificationPolicy.defaults().withDemoMode(demo), new InMemoryReplayGuard(64));
    }

    private TerminalState state() {
        return new TerminalState(clock.instant(), true, trustList, Hc1TrustStore.empty());
    }

    /** Appends the event of a decision to the outbox, validates it and returns it parsed. */
    private JsonNode event(VerificationResult result, Channel channel, DecisionFacts facts) throws Exception {
        StoredEvent stored = outbox.append(events.of(result, channel, facts));
        produced.add(stored);
        String text = new String(stored.payload(), StandardCharsets.UTF_8);
        assertEquals(List.of(), schema.errors(text), text);
        JsonNode event = JSON.readTree(text);
        assertEquals(stored.seq(), event.get("seq").asLong());
        assertEquals(stored.eventId(), event.get("eventId").asText());
        return event;
    }

    private JsonNode event(VerificationResult result, Channel channel) throws Exception {
        return event(result, channel, new DecisionFacts(trustList.version(), true, Duration.ofMillis(184)));
    }

    @Test
    void acceptedEventsCarryTheVerifiedDataAndTheTerminalsMetadata() throws Exception {
        Wallet family = world.family();
        MintedCredential minted = family.credential();
        VerificationResult result = verifier(false).verifyText(family.presentQr(NOW, random, 2), Channel.QR, state());
        clock.advance(Duration.ofMillis(412));
        JsonNode event = event(result, Channel.QR);

        assertEquals(FseEvents.SCHEMA, event.get("schema").asText());
        assertEquals("presentation.accepted", event.get("type").asText());
        assertEquals("OK", event.get("reason").asText());
        assertEquals(1, event.get("seq").asLong());
        assertEquals("pharma-0042-t1", event.get("terminalId").asText());
        assertEquals("750012345", event.get("siteId").asText());
        assertEquals("pharmacy", event.get("siteKind").asText());
        assertEquals("2026-11-27T10:00:00.412Z", event.get("occurredAt").asText());
        assertEquals("qr", event.get("channel").asText());
        assertEquals(trustList.version(), event.get("trustListVersion").asLong());
        assertEquals("1.2.3-test", event.get("firmware").asText());
        assertEquals(184, event.get("latencyMs").asLong());
        assertEquals(HexFormat.of().formatHex(minted.cti()), event.at("/credential/id").asText());
        assertEquals(minted.insured().nir(), event.at("/insured/nir").asText());
        assertEquals(minted.beneficiary(2).prenom(), event.at("/beneficiaries/0/firstName").asText());
        assertEquals(1, event.get("beneficiaries").size());
    }

    @Test
    void everyAcceptedWalletGivesAValidEvent() throws Exception {
        for (Map.Entry<String, Wallet> entry : world.wallets().entrySet()) {
            VerificationResult result = verifier(true).verifyText(entry.getValue().presentQr(clock.instant(), random, 0),
                    Channel.WEDGE, state());
            if (!result.accepted()) {
                continue; // expired, revoked: the rejection test covers them
            }
            JsonNode event = event(result, Channel.WEDGE);
            assertEquals("wedge", event.get("channel").asText(), entry.getKey());
            assertEquals(entry.getValue().credential().insured().nir(), event.at("/insured/nir").asText());
            clock.advance(Duration.ofSeconds(1));
        }
        assertTrue(produced.size() >= 5, "accepted wallets: " + produced.size());
    }

    @Test
    void rightsAreJudgedOnTheDecisionDateOfTheTerminalsZone() throws Exception {
        VerificationResult result = verifier(false).verifyText(world.closedRights().presentQr(NOW, random, 0), Channel.QR, state());
        assertFalse(event(result, Channel.QR).at("/beneficiaries/0/rightsOpen").asBoolean());
        VerificationResult open = verifier(false).verifyText(world.singleAdult().presentQr(NOW, random, 0), Channel.QR, state());
        assertTrue(event(open, Channel.QR).at("/beneficiaries/0/rightsOpen").asBoolean());
    }

    @Test
    void rejectedEventsCarryTheReasonAndNoPersonalData() throws Exception {
        Map<String, VerificationResult> rejections = new LinkedHashMap<>();
        CredentialVerifier verifier = verifier(false);
        rejections.put("expired", verifier.verifyText(world.expired().presentQr(NOW, random, 0), Channel.QR, state()));
        rejections.put("revoked", verifier.verifyText(world.revoked().presentQr(NOW, random, 0), Channel.QR, state()));
        rejections.put("demo", verifier.verifyText(world.demo().presentQr(NOW, random, 0), Channel.QR, state()));
        rejections.put("stale", verifier.verifyText(world.family().presentQr(NOW.minusSeconds(600), random, 1), Channel.QR, state()));
        String shown = world.closedRights().presentQr(NOW, random, 0);
        assertTrue(verifier.verifyText(shown, Channel.QR, state()).accepted());
        rejections.put("replayed", verifier.verifyText(shown, Channel.QR, state()));
        byte[] challenge = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        rejections.put("other challenge", verifier.verifyNfc(world.delegated().presentNfc(challenge, NOW, 0),
                HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100"), state()));
        rejections.put("no trust list", verifier.verifyText(world.msaFarmer().presentQr(NOW, random, 0), Channel.QR,
                new TerminalState(NOW, true, null, Hc1TrustStore.empty())));
        rejections.put("clock untrusted", verifier.verifyText(world.singleAdult().presentQr(NOW, random, 0), Channel.QR,
                new TerminalState(NOW, false, trustList, Hc1TrustStore.empty())));
        String text = world.singleAdult().presentQr(NOW, random, 0);
        SplittableRandom tamper = new SplittableRandom(3);
        for (int i = 0; i < 12; i++) { // one Base45 character changed: zlib, CBOR or a signature breaks
            char[] chars = text.toCharArray();
            int at = 4 + tamper.nextInt(chars.length - 4);
            chars[at] = chars[at] == '0' ? '1' : '0';
            rejections.put("tampered " + i, verifier.verifyText(new String(chars), Channel.QR, state()));
        }

        List<String> personal = personalStrings();
        Set<String> reasons = new TreeSet<>();
        for (Map.Entry<String, VerificationResult> entry : rejections.entrySet()) {
            assertFalse(entry.getValue().accepted(), entry.getKey());
            JsonNode event = event(entry.getValue(), entry.getKey().equals("other challenge") ? Channel.NFC : Channel.QR,
                    new DecisionFacts(trustList.version(), false, null));
            String json = event.toString();
            assertEquals("presentation.rejected", event.get("type").asText(), entry.getKey());
            assertEquals(entry.getValue().reason().code(), event.get("reason").asText());
            for (Iterator<String> fields = event.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                assertTrue(REJECTED_FIELDS.contains(field), entry.getKey() + ": field " + field);
            }
            for (String value : personal) {
                assertFalse(json.contains(value), entry.getKey() + " event contains personal data");
            }
            reasons.add(event.get("reason").asText());
        }
        assertTrue(reasons.containsAll(Set.of("EXPIRED", "REVOKED", "DEMO_NOT_ALLOWED", "STALE", "REPLAYED",
                "CHALLENGE_MISMATCH", "TRUST_LIST_MISSING", "CLOCK_UNTRUSTED")), reasons.toString());
        assertTrue(reasons.size() >= 9, "tampering should give more reasons: " + reasons);
    }

    /** NIRs, names, birth dates and credential ids of every wallet of the world. */
    private List<String> personalStrings() {
        List<String> values = new ArrayList<>();
        for (Wallet wallet : world.wallets().values()) {
            MintedCredential minted = wallet.credential();
            values.add(minted.insured().nir());
            values.add(HexFormat.of().formatHex(minted.cti()));
            for (BeneficiarySpec beneficiary : minted.beneficiaries()) {
                values.add(beneficiary.nomUsuel());
                values.add(beneficiary.prenom());
                values.add(beneficiary.birthDate());
                if (beneficiary.nomNaissance() != null) {
                    values.add(beneficiary.nomNaissance());
                }
                if (beneficiary.ownNir() != null) {
                    values.add(beneficiary.ownNir().nir());
                }
            }
        }
        assertTrue(values.stream().allMatch(value -> value != null && value.length() >= 3));
        return values;
    }

    @Test
    void withoutSiteKindOrLatencyTheEventLeavesThemOut() throws Exception {
        events = new FseEvents(new TerminalIdentity("t1", "s1", null), "dev", clock);
        VerificationResult result = verifier(false).verifyText("VT1:NOT-BASE45!", Channel.QR, state());
        JsonNode event = event(result, Channel.QR, new DecisionFacts(0, false, null));
        assertFalse(event.has("siteKind"));
        assertFalse(event.has("latencyMs"));
        assertEquals(0, event.get("trustListVersion").asInt());
    }

    @Test
    void anAcceptedEuDccHasNoEventButItsRejectionHasOne() throws Exception {
        JsonNode testCase = JSON.readTree(PublicSuites.resolve("dgc/AT/2DCode/raw/1.json").toFile());
        Hc1TrustStore signers = Hc1TrustStore.builder()
                .add(Base64.getDecoder().decode(testCase.at("/TESTCTX/CERTIFICATE").asText())).build();
        clock.set(java.time.OffsetDateTime.parse(testCase.at("/TESTCTX/VALIDATIONCLOCK").asText()).toInstant());
        String text = testCase.get("PREFIX").asText();
        VerificationResult accepted = verifier(false).verifyText(text, Channel.QR,
                new TerminalState(clock.instant(), true, trustList, signers));
        assertTrue(accepted.accepted(), accepted.reason().code());
        assertFalse(FseEvents.hasEvent(accepted));
        assertThrows(IllegalArgumentException.class,
                () -> events.of(accepted, Channel.QR, new DecisionFacts(1, true, null)));
        VerificationResult refused = verifier(false).verifyText(text, Channel.QR,
                new TerminalState(clock.instant(), true, trustList, Hc1TrustStore.empty()));
        assertTrue(FseEvents.hasEvent(refused));
        JsonNode event = event(refused, Channel.QR);
        assertEquals("presentation.rejected", event.get("type").asText());
        assertFalse(event.toString().contains(testCase.at("/JSON/nam/fn").asText()));
        assertEquals(0, outbox.depth() - produced.size());
    }

    @Test
    void terminalIdentityComesFromTheConfiguration() throws Exception {
        Path config = Files.writeString(dir.resolve("terminal.properties"),
                "terminal.id = pharma-0042-t1\nsite.id = 750012345\nsite.kind = hospital\n");
        assertEquals(new TerminalIdentity("pharma-0042-t1", "750012345", "hospital"),
                TerminalIdentity.fromConfiguration(Configuration.load(config, Map.of())));
        assertEquals(new TerminalIdentity("t2", "750012345", "hospital"),
                TerminalIdentity.fromConfiguration(Configuration.load(config, Map.of("VT_TERMINAL_ID", "t2"))));

        ConfigException badId = assertThrows(ConfigException.class, () -> TerminalIdentity.fromConfiguration(
                Configuration.load(config, Map.of("VT_TERMINAL_ID", "pharma 42"))));
        assertTrue(badId.getMessage().contains("terminal.id") && badId.getMessage().contains("VT_TERMINAL_ID")
                && badId.getMessage().contains("1 to 64"), badId.getMessage());
        Files.writeString(config, "terminal.id = t1\nsite.id = 750012345\nsite.kind = shop\n");
        ConfigException badKind = assertThrows(ConfigException.class,
                () -> TerminalIdentity.fromConfiguration(Configuration.load(config, Map.of())));
        assertTrue(badKind.getMessage().contains("site.kind") && badKind.getMessage().contains(config.toString())
                && badKind.getMessage().contains("pharmacy"), badKind.getMessage());
        Files.writeString(config, "terminal.id = t1\n");
        ConfigException missing = assertThrows(ConfigException.class,
                () -> TerminalIdentity.fromConfiguration(Configuration.load(config, Map.of())));
        assertTrue(missing.getMessage().contains("site.id") && missing.getMessage().contains("missing"), missing.getMessage());
    }
}
