package org.vitaleterminal.credential.vt1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryReplayGuardTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final byte[] NONCE = new byte[16];

    private static byte[] cti(int n) {
        byte[] cti = new byte[16];
        cti[15] = (byte) n;
        cti[14] = (byte) (n >>> 8);
        return cti;
    }

    @Test
    void remembersAPairUntilItsWindowEnds() {
        InMemoryReplayGuard guard = new InMemoryReplayGuard(10);
        guard.recordAccepted(cti(1), NONCE, T0.plusSeconds(120));
        assertTrue(guard.wasAccepted(cti(1), NONCE, T0.plusSeconds(120)));
        assertFalse(guard.wasAccepted(cti(1), new byte[] {1}, T0));
        assertFalse(guard.wasAccepted(cti(2), NONCE, T0));
        assertFalse(guard.wasAccepted(cti(1), NONCE, T0.plusSeconds(121)));
        assertEquals(0, guard.size());
    }

    @Test
    void anExpiredEntryBehindALiveOneIsNotReportedAndLeavesLater() {
        InMemoryReplayGuard guard = new InMemoryReplayGuard(10);
        guard.recordAccepted(cti(1), NONCE, T0.plusSeconds(300)); // NFC window, recorded first
        guard.recordAccepted(cti(2), NONCE, T0.plusSeconds(120)); // QR window, expires earlier
        assertFalse(guard.wasAccepted(cti(2), NONCE, T0.plusSeconds(200)));
        assertTrue(guard.wasAccepted(cti(1), NONCE, T0.plusSeconds(200)));
        assertEquals(2, guard.size(), "pruning stops at the first live entry");
        guard.wasAccepted(cti(3), NONCE, T0.plusSeconds(301));
        assertEquals(0, guard.size());
    }

    @Test
    void isBoundedByItsCapacityDroppingTheOldestFirst() {
        InMemoryReplayGuard guard = new InMemoryReplayGuard(100);
        for (int i = 0; i < 250; i++) {
            guard.recordAccepted(cti(i), NONCE, T0.plusSeconds(120));
        }
        assertEquals(100, guard.size());
        assertFalse(guard.wasAccepted(cti(149), NONCE, T0));
        assertTrue(guard.wasAccepted(cti(150), NONCE, T0));
        assertTrue(guard.wasAccepted(cti(249), NONCE, T0));
    }
}
