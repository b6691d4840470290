package org.vitaleterminal.firmware.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
import org.vitaleterminal.firmware.json.EventSchema;
import org.vitaleterminal.firmware.outbox.OutboxFullException;
import org.vitaleterminal.firmware.outbox.SqliteOutbox;
import org.vitaleterminal.firmware.outbox.TestClock;
import org.vitaleterminal.firmware.outbox.UuidV7;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.indicator.Signal;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.world.SampleWorld;

class DecisionReporterTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static SampleWorld world;
    static TrustList trustList;
    static EventSchema schema;

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(NOW);
    SqliteOutbox outbox;
    final List<String> shown = new ArrayList<>();
    DecisionReporter reporter;

    @BeforeAll
    static void mintWorld() throws Exception {
        world = SampleWorld.create(SimRandom.seeded(11), NOW);
        trustList = TrustListReader.read(world.trustList(), List.of(TrustRoot.fromPem(world.rootPem())));
        schema = EventSchema.published();
    }

    @BeforeEach
    void setUp() {
        outbox = SqliteOutbox.open(dir.resolve(SqliteOutbox.FILE_NAME), 2, clock, new UuidV7(clock, new SplittableRandom(1)));
        Indicator indicator = new Indicator() {
            @Override
            public void show(Signal signal) {
                shown.add(signal + " depth=" + outbox.depth()); // what the outbox held when the light came on
            }

            @Override
            public String describe() {
                return "recording";
            }

            @Override
            public void close() {}
        };
        reporter = new DecisionReporter(outbox,
                new FseEvents(new TerminalIdentity("t1", "s1", "practice"), "test", clock), indicator, clock);
    }

    @AfterEach
    void close() {
        outbox.close();
    }

    private VerificationResult verify(String text) {
        return new CredentialVerifier(VerificationPolicy.defaults(), new InMemoryReplayGuard(16))
                .verifyText(text, Channel.QR, new TerminalState(clock.instant(), true, trustList, Hc1TrustStore.empty()));
    }

    private DecisionFacts facts() {
        return new DecisionFacts(trustList.version(), true, null);
    }

    @Test
    void theEventIsCommittedBeforeTheSignal() {
        reporter.report(verify(world.singleAdult().presentQr(NOW, SimRandom.seeded(1), 0)), Channel.QR, facts());
        reporter.report(verify(world.closedRights().presentQr(NOW, SimRandom.seeded(2), 0)), Channel.QR, facts());
        assertEquals(List.of("ACCEPTED depth=1", "ACCEPTED_NO_OPEN_RIGHTS depth=2"), shown);
        outbox.after(0, 10).forEach(event ->
                assertEquals(List.of(), schema.errors(new String(event.payload(), StandardCharsets.UTF_8))));
    }

    @Test
    void aFullOutboxShowsAFaultNotTheDecision() {
        reporter.report(verify(world.expired().presentQr(NOW, SimRandom.seeded(1), 0)), Channel.QR, facts());
        reporter.report(verify(world.revoked().presentQr(NOW, SimRandom.seeded(2), 0)), Channel.QR, facts());
        VerificationResult accepted = verify(world.family().presentQr(NOW, SimRandom.seeded(3), 0));
        assertTrue(accepted.accepted());
        assertThrows(OutboxFullException.class, () -> reporter.report(accepted, Channel.QR, facts()));
        assertEquals(List.of("REJECTED depth=1", "REJECTED depth=2", "FAULT depth=2"), shown);
    }
}
