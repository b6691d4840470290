package org.vitaleterminal.sim.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.wallet.Wallet;

/** The same seed must give the same bytes, so that any failing test can be replayed exactly. */
class DeterminismTest {
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    private static String qr(SampleWorld world, long seed) {
        return world.family().presentQr(NOW, SimRandom.seeded(seed), 1);
    }

    @Test
    void sameSeedGivesByteIdenticalWorlds() {
        SampleWorld a = SampleWorld.create(SimRandom.seeded(7), NOW);
        SampleWorld b = SampleWorld.create(SimRandom.seeded(7), NOW);
        assertArrayEquals(a.trustList(), b.trustList());
        assertEquals(a.rootPem(), b.rootPem());
        for (String name : a.wallets().keySet()) {
            Wallet walletA = a.wallets().get(name);
            Wallet walletB = b.wallets().get(name);
            assertArrayEquals(walletA.credential().credential(), walletB.credential().credential(), name);
            for (int i = 0; i < walletA.credential().beneficiaries().size(); i++) {
                assertArrayEquals(walletA.credential().disclosure(i), walletB.credential().disclosure(i), name);
            }
        }
        assertEquals(qr(a, 1), qr(b, 1));
        assertArrayEquals(a.singleAdult().presentNfc(new byte[16], NOW, 0), b.singleAdult().presentNfc(new byte[16], NOW, 0));
    }

    @Test
    void anotherSeedGivesAnotherWorld() {
        SampleWorld a = SampleWorld.create(SimRandom.seeded(7), NOW);
        SampleWorld c = SampleWorld.create(SimRandom.seeded(8), NOW);
        assertFalse(Arrays.equals(a.trustList(), c.trustList()));
        assertFalse(Arrays.equals(a.family().credential().credential(), c.family().credential().credential()));
        assertNotEquals(qr(a, 1), qr(a, 2), "another nonce, another QR");
    }
}
