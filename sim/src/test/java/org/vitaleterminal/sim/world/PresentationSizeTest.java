package org.vitaleterminal.sim.world;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.wallet.Wallet;

/**
 * Spec §7 (informative): one beneficiary disclosed gives a presentation of about 450–600 bytes
 * and a QR text of about 700–900 characters. The bounds here are a little wider than the spec's
 * figures; the measured sizes are printed for the record.
 */
class PresentationSizeTest {
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    @Test
    void oneBeneficiaryPresentationsStayNearTheSpecsFigures() {
        SampleWorld world = SampleWorld.create(SimRandom.seeded(2026), NOW);
        for (var named : world.wallets().entrySet()) {
            Wallet wallet = named.getValue();
            byte[] presentation = wallet.presentQrBytes(NOW, SimRandom.seeded(1), 0);
            String qr = wallet.presentQr(NOW, SimRandom.seeded(1), 0);
            System.out.printf("VT1 size %-14s beneficiaries=%d credential=%d presentation=%d qr-text=%d%n",
                    named.getKey(), wallet.credential().beneficiaries().size(), wallet.credential().credential().length,
                    presentation.length, qr.length());
            assertTrue(presentation.length >= 400 && presentation.length <= 700, named.getKey() + ": " + presentation.length);
            assertTrue(qr.length() >= 600 && qr.length() <= 1000, named.getKey() + ": " + qr.length());
        }
        String single = world.singleAdult().presentQr(NOW, SimRandom.seeded(1), 0);
        assertTrue(single.length() >= 700 && single.length() <= 900, "typical single adult: " + single.length());
    }
}
