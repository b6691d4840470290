package org.vitaleterminal.sim.nfc.phone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.nfc.chip.Pn532Timing;
import org.vitaleterminal.sim.nfc.testing.ChipStream;
import org.vitaleterminal.sim.nfc.testing.Hex;
import org.vitaleterminal.sim.nfc.testing.TestHost;
import org.vitaleterminal.sim.testing.CoseView;
import org.vitaleterminal.sim.world.SampleWorld;

/** The whole VT1 read as a driver does it: InListPassiveTarget, then InDataExchange per APDU. */
class WalletThroughTheChipTest {
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    private static byte[] withPrefix(String hex, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Hex.bytes(hex));
        out.writeBytes(tail);
        return out.toByteArray();
    }

    @Test
    void fullReadOverInDataExchangeWithRealisticTiming() {
        SampleWorld world = SampleWorld.create(SimRandom.seeded(3), NOW);
        TestHost host = new TestHost(Pn532Timing.realistic()).init();
        WalletApplet applet = WalletApplet.of(world.singleAdult(), Clock.fixed(NOW, ZoneOffset.UTC), 0).lockedFor(1);
        host.chip.placePhone(Phone.builder(applet, SimRandom.seeded(4)).apduLatency(Duration.ofMillis(15)).build());

        long start = host.clock.nanoTime();
        assertEquals("4B 01 01 00 04 20 04", Hex.of(Arrays.copyOf(host.exchange(0x4A, 0x01, 0x00), 7)));
        assertEquals("41 00 01 90 00", Hex.of(host.exchange(withPrefix("40 01", WalletAppletTest.SELECT))));
        byte[] challenge = Hex.bytes("0102030405060708090A0B0C0D0E0F10");
        byte[] getPresentation = withPrefix("40 01", WalletAppletTest.getPresentation(challenge));
        assertEquals("41 00 69 85", Hex.of(host.exchange(getPresentation)), "holder still typing");

        ByteArrayOutputStream presentation = new ByteArrayOutputStream();
        byte[] r = host.exchange(getPresentation);
        while (true) {
            assertEquals(0x00, r[1], "InDataExchange status");
            presentation.write(r, 2, r.length - 4);
            int sw1 = r[r.length - 2] & 0xFF;
            if (sw1 == 0x90) {
                break;
            }
            assertEquals(0x61, sw1);
            r = host.exchange(0x40, 0x01, 0x00, 0xC0, 0x00, 0x00, r[r.length - 1] & 0xFF);
        }
        byte[] bytes = presentation.toByteArray();
        assertEquals(0xD2, bytes[0] & 0xFF);
        assertArrayEquals(challenge, (byte[]) CoseView.decode(bytes).claims().get(3L));

        // InCommunicateThru presence check while the phone stays, then it leaves
        assertEquals("43 00", Hex.of(Arrays.copyOf(host.exchange(0x42, 0xB2), 2)));
        host.chip.removePhone();
        host.send(ChipStream.command(0x42, 0xB2));
        host.advance(Duration.ofMillis(100));
        assertEquals("43 01", Hex.of(host.expectAckAndResponse()));
        assertTrue(host.clock.nanoTime() > start);
    }
}
