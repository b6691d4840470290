package org.vitaleterminal.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.credential.vt1.InMemoryReplayGuard;
import org.vitaleterminal.credential.vt1.ReplayGuard;
import org.vitaleterminal.firmware.event.DecisionReporter;
import org.vitaleterminal.firmware.event.FseEvents;
import org.vitaleterminal.firmware.event.TerminalIdentity;
import org.vitaleterminal.firmware.nfc.NfcDecision;
import org.vitaleterminal.firmware.outbox.SqliteOutbox;
import org.vitaleterminal.firmware.outbox.TestClock;
import org.vitaleterminal.firmware.outbox.UuidV7;
import org.vitaleterminal.firmware.state.StateException;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.indicator.Signal;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * When the terminal's own state fails while deciding (the replay store or the clock mark), the
 * person at the counter sees FAULT and nothing is written: not a rejection of a valid card, and
 * not a decision blamed on the reader.
 */
class DecisionPathTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static SampleWorld world;
    static TrustList trustList;

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(NOW);
    final List<Signal> shown = new ArrayList<>();
    SqliteOutbox outbox;

    @BeforeAll
    static void mintWorld() throws Exception {
        world = SampleWorld.create(SimRandom.seeded(11), NOW);
        trustList = TrustListReader.read(world.trustList(), List.of(TrustRoot.fromPem(world.rootPem())));
    }

    @BeforeEach
    void openOutbox() {
        outbox = SqliteOutbox.open(dir.resolve(SqliteOutbox.FILE_NAME), 100, clock, new UuidV7(clock, new SplittableRandom(1)));
    }

    @AfterEach
    void closeOutbox() {
        outbox.close();
    }

    private DecisionPath path(ReplayGuard guard, Supplier<TerminalState> state) {
        Indicator indicator = new Indicator() {
            @Override
            public void show(Signal signal) {
                shown.add(signal);
            }

            @Override
            public String describe() {
                return "recording";
            }

            @Override
            public void close() {}
        };
        DecisionReporter reporter = new DecisionReporter(outbox,
                new FseEvents(new TerminalIdentity("t1", "s1", "practice"), "test", clock), indicator, clock);
        return new DecisionPath(new CredentialVerifier(VerificationPolicy.defaults(), guard), state, reporter, () -> {},
                new TerminalMetrics(), System::nanoTime);
    }

    private TerminalState healthy() {
        return new TerminalState(clock.instant(), true, trustList, Hc1TrustStore.empty());
    }

    private String marie() {
        return world.singleAdult().presentQr(NOW, SimRandom.seeded(1), 0);
    }

    @Test
    void aHealthyTerminalCommitsAndShowsTheDecision() {
        assertTrue(path(new InMemoryReplayGuard(16), this::healthy).decideText(marie(), Channel.QR, System.nanoTime())
                .isPresent());
        assertEquals(List.of(Signal.ACCEPTED), shown);
        assertEquals(1, outbox.depth());
    }

    @Test
    void aFailingReplayStoreShowsAFaultAndWritesNothing() {
        ReplayGuard broken = new ReplayGuard() {
            @Override
            public boolean wasAccepted(byte[] credentialId, byte[] nonce, Instant now) {
                throw new StateException("replay store /x/replay.db: cannot look a presentation up (SQLITE_IOERR)", null);
            }

            @Override
            public void recordAccepted(byte[] credentialId, byte[] nonce, Instant forgetAfter) {
                throw new AssertionError("not reached");
            }
        };
        assertTrue(path(broken, this::healthy).decideText(marie(), Channel.QR, System.nanoTime()).isEmpty());
        assertEquals(List.of(Signal.FAULT), shown);
        assertEquals(0, outbox.depth());
    }

    @Test
    void aFailingClockMarkShowsAFaultAndWritesNothing() {
        Supplier<TerminalState> failing = () -> {
            throw new StateException("cannot write the clock high-water mark /x/clock (disk full)", null);
        };
        DecisionPath path = path(new InMemoryReplayGuard(16), failing);
        assertTrue(path.decideText(marie(), Channel.QR, System.nanoTime()).isEmpty());
        NfcDecision verified = new NfcDecision(new CredentialVerifier(VerificationPolicy.defaults(),
                new InMemoryReplayGuard(16)).verifyText(marie(), Channel.QR, healthy()), Duration.ZERO);
        assertTrue(path.decideNfc(verified, System.nanoTime()).isEmpty());
        assertEquals(List.of(Signal.FAULT, Signal.FAULT), shown);
        assertEquals(0, outbox.depth());
    }
}
