package org.vitaleterminal.firmware.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.firmware.trust.TrustUpdateOutcome.Reason;
import org.vitaleterminal.firmware.trust.TrustUpdateOutcome.Result;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.trust.TrustListContent;
import org.vitaleterminal.sim.world.SampleWorld;

class TrustListUpdaterTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration GRACE = Duration.ofHours(72);

    @TempDir
    Path state;

    private final SampleWorld world = SampleWorld.create(SimRandom.seeded(2026), NOW);
    private TrustRoot root;
    private TrustListStore store;
    private TrustListHolder holder;
    private TrustListUpdater updater;

    @BeforeEach
    void setUp() throws Exception {
        root = TrustRoot.fromPem(world.rootPem());
        store = new TrustListStore(state);
        holder = new TrustListHolder(TrustListReader.read(world.trustList(), List.of(root)));
        updater = new TrustListUpdater(List.of(root), store, holder, Clock.fixed(NOW, ZoneOffset.UTC), GRACE);
    }

    private byte[] version(long version, Instant exp) {
        return world.authority().sign(TrustListContent.builder().version(version).issuedAt(NOW.minusSeconds(60))
                .expiresAt(exp).issuerKey(world.cnam().keyEntry()));
    }

    @Test
    void aNewerListIsStoredAtomicallyAndUsedFromThenOn() throws Exception {
        byte[] v3 = version(3, NOW.plus(Duration.ofDays(7)));
        TrustUpdateOutcome outcome = updater.offer(v3, "test");
        assertEquals(Result.INSTALLED, outcome.result());
        assertEquals(3, holder.current().orElseThrow().version());
        assertArrayEquals(v3, Files.readAllBytes(store.listFile()));
        assertEquals(3, store.recordedHighest());
        try (var files = Files.list(state)) {
            assertEquals(List.of("trust-list.cose", "trust-list.highest"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
        assertEquals(Result.UNCHANGED, updater.offer(v3, "test again").result(), "the same bytes again change nothing");
    }

    @Test
    void theHighestVersionSurvivesTheListFileBeingReplacedByHand() throws Exception {
        updater.offer(version(5, NOW.plus(Duration.ofDays(7))), "test");
        // someone copies an older list into the state directory and the terminal restarts with it
        Files.write(store.listFile(), world.trustList());
        TrustListHolder restarted = new TrustListHolder(TrustListReader.read(world.trustList(), List.of(root)));
        TrustListUpdater afterRestart = new TrustListUpdater(List.of(root), store, restarted,
                Clock.fixed(NOW, ZoneOffset.UTC), GRACE);
        TrustUpdateOutcome outcome = afterRestart.offer(version(4, NOW.plus(Duration.ofDays(7))), "test");
        assertEquals(Reason.ROLLBACK, outcome.reason().orElseThrow(), "4 is below the recorded highest 5");
        assertEquals(Result.INSTALLED, afterRestart.offer(version(6, NOW.plus(Duration.ofDays(7))), "test").result());
    }

    @Test
    void refusalsLeaveEverythingAsItWas() throws Exception {
        byte[] v2 = version(2, NOW.plus(Duration.ofDays(7)));
        updater.offer(v2, "test");
        byte[] tampered = version(3, NOW.plus(Duration.ofDays(7)));
        tampered[tampered.length - 5] ^= 0x40;
        assertRefused(Reason.ROLLBACK, world.trustList());
        assertRefused(Reason.ROLLBACK, version(2, NOW.plus(Duration.ofDays(8))));
        assertRefused(Reason.STALE, version(9, NOW.minus(GRACE).minusSeconds(1)));
        assertRefused(Reason.BAD_SIGNATURE, tampered);
        assertRefused(Reason.MALFORMED, new byte[] {(byte) 0xd2, (byte) 0x84});
        assertRefused(Reason.MALFORMED, new byte[0]);
        assertEquals(2, holder.current().orElseThrow().version());
        assertArrayEquals(v2, Files.readAllBytes(store.listFile()));
        assertEquals(2, store.recordedHighest());
    }

    @Test
    void anUnreadableVersionRecordRefusesEveryUpdate() throws Exception {
        Files.writeString(store.highestFile(), "twelve\n");
        TrustUpdateOutcome outcome = updater.offer(version(7, NOW.plus(Duration.ofDays(7))), "test");
        assertEquals(Reason.STATE_IO, outcome.reason().orElseThrow());
        assertTrue(outcome.detail().contains("trust-list.highest"), outcome.detail());
        assertEquals(1, holder.current().orElseThrow().version());
        assertFalse(Files.exists(store.listFile()));
    }

    private void assertRefused(Reason reason, byte[] bytes) {
        TrustUpdateOutcome outcome = updater.offer(bytes, "test");
        assertEquals(Result.REFUSED, outcome.result(), reason + ": " + outcome);
        assertEquals(reason, outcome.reason().orElseThrow(), outcome.detail());
    }
}
