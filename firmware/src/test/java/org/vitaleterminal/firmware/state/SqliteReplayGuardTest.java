package org.vitaleterminal.firmware.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.firmware.outbox.TestClock;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.world.SampleWorld;

class SqliteReplayGuardTest {
    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
    private static final byte[] CTI = bytes(16, 1);
    private static final byte[] NONCE = bytes(16, 2);

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(T);

    private static byte[] bytes(int length, int fill) {
        byte[] value = new byte[length];
        java.util.Arrays.fill(value, (byte) fill);
        return value;
    }

    private SqliteReplayGuard open(int capacity) {
        return SqliteReplayGuard.open(dir.resolve(SqliteReplayGuard.FILE_NAME), capacity, clock);
    }

    @Test
    void aRecordedPairIsRefusedUntilItsWindowEnds() {
        try (SqliteReplayGuard guard = open(100)) {
            assertFalse(guard.wasAccepted(CTI, NONCE, T));
            guard.recordAccepted(CTI, NONCE, T.plusSeconds(120));
            assertTrue(guard.wasAccepted(CTI, NONCE, T.plusSeconds(120)));
            assertFalse(guard.wasAccepted(CTI, bytes(16, 3), T));
            assertFalse(guard.wasAccepted(bytes(16, 3), NONCE, T));
            assertFalse(guard.wasAccepted(CTI, NONCE, T.plusSeconds(121)));
        }
    }

    @Test
    void aScreenshotShownAgainAfterARebootIsStillReplayed() throws Exception {
        SampleWorld world = SampleWorld.create(SimRandom.seeded(5), T);
        TrustList list = TrustListReader.read(world.trustList(), List.of(TrustRoot.fromPem(world.rootPem())));
        TerminalState state = new TerminalState(T, true, list, Hc1TrustStore.empty());
        String screenshot = world.singleAdult().presentQr(T, SimRandom.seeded(6), 0);

        try (SqliteReplayGuard guard = open(100)) {
            assertTrue(new CredentialVerifier(VerificationPolicy.defaults(), guard).verifyText(screenshot, Channel.QR, state).accepted());
        }
        clock.advance(Duration.ofSeconds(40)); // the reboot
        try (SqliteReplayGuard guard = open(100)) {
            TerminalState later = new TerminalState(clock.instant(), true, list, Hc1TrustStore.empty());
            assertEquals(Reason.REPLAYED,
                    new CredentialVerifier(VerificationPolicy.defaults(), guard).verifyText(screenshot, Channel.QR, later).reason());
        }
    }

    @Test
    void expiredPairsLeaveAndTheStoreIsBounded() {
        try (SqliteReplayGuard guard = open(3)) {
            guard.recordAccepted(CTI, bytes(16, 10), T.plusSeconds(10));
            clock.advance(Duration.ofSeconds(11));
            guard.recordAccepted(CTI, bytes(16, 11), clock.instant().plusSeconds(100));
            assertEquals(1, guard.size(), "the expired pair was deleted");
            for (int i = 12; i < 16; i++) {
                guard.recordAccepted(CTI, bytes(16, i), clock.instant().plusSeconds(100 + i));
            }
            assertEquals(3, guard.size());
            assertFalse(guard.wasAccepted(CTI, bytes(16, 11), clock.instant()), "closest to expiry went first");
            assertTrue(guard.wasAccepted(CTI, bytes(16, 15), clock.instant()));
        }
    }

    @Test
    void aSecondOpenerIsRefused() {
        try (SqliteReplayGuard guard = open(10)) {
            guard.recordAccepted(CTI, NONCE, T.plusSeconds(1));
            StateException busy = assertThrows(StateException.class, () -> open(10));
            assertTrue(busy.getMessage().contains(SqliteReplayGuard.FILE_NAME) && busy.getMessage().contains("in use"),
                    busy.getMessage());
        }
    }

    @Test
    void aFileThatIsNotAReplayStoreIsRefusedAndLeftAlone() throws Exception {
        Path file = Files.writeString(dir.resolve(SqliteReplayGuard.FILE_NAME), "not a database ".repeat(300));
        StateException garbage = assertThrows(StateException.class, () -> open(10));
        assertTrue(garbage.getMessage().contains(file.toString()), garbage.getMessage());
        assertEquals("not a database ".repeat(300), Files.readString(file));

        Files.delete(file);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = other.createStatement()) {
            statement.execute("CREATE TABLE notes (text TEXT)");
        }
        StateException foreign = assertThrows(StateException.class, () -> open(10));
        assertTrue(foreign.getMessage().contains("not a vitale-terminal replay store"), foreign.getMessage());
    }

    @Test
    void aClosedStoreSaysSo() {
        SqliteReplayGuard guard = open(10);
        guard.close();
        assertThrows(StateException.class, () -> guard.wasAccepted(CTI, NONCE, T));
        assertThrows(StateException.class, () -> guard.recordAccepted(CTI, NONCE, T));
    }
}
