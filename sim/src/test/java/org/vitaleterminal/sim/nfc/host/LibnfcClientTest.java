package org.vitaleterminal.sim.nfc.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.nfc.chip.PowerState;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;
import org.vitaleterminal.sim.nfc.phone.Phone;
import org.vitaleterminal.sim.nfc.phone.WalletApplet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * libnfc 1.8.0 (Debian libnfc-bin) as an independent client: its pn532_uart driver opens the
 * pseudo-terminal like a serial port and must find our PN532 and the phone on it. A fresh
 * pseudo-terminal per run, because libnfc claims a port with a termios flag.
 */
@EnabledOnOs(OS.LINUX)
class LibnfcClientTest {
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static SampleWorld world;

    @BeforeAll
    static void world() {
        world = SampleWorld.create(SimRandom.seeded(21), NOW);
    }

    private final List<String> trace = new CopyOnWriteArrayList<>();

    private VirtualPn532 chip() {
        return VirtualPn532.builder().trace(trace::add).build();
    }

    private static Phone walletPhone(long seed) {
        return Phone.builder(WalletApplet.of(world.singleAdult(), Clock.fixed(NOW, ZoneOffset.UTC), 0),
                SimRandom.seeded(seed)).name("wallet phone").build();
    }

    @Test
    void nfcScanDeviceFindsOurPn532() throws Exception {
        Path tool = LibnfcTool.require("nfc-scan-device", "libnfc-bin");
        VirtualPn532 chip = chip();
        LibnfcTool.Result r;
        try (Pn532Pty pty = Pn532Pty.open(chip)) {
            r = LibnfcTool.run(pty, tool, "", "-v");
            String out = LibnfcTool.normalise(r.stdout());
            assertEquals(0, r.exitCode(), r::diagnostics);
            assertTrue(out.contains("1 NFC device(s) found"), r::diagnostics);
            assertTrue(out.contains("pn532_uart:" + pty.slavePath()), r::diagnostics);
            assertTrue(out.contains("chip: PN532 v1.6"), r::diagnostics);
            assertTrue(out.contains("initator mode modulations: ISO/IEC 14443A"), r::diagnostics);
        }
        assertEquals(PowerState.POWER_DOWN, chip.powerState(), "libnfc's close ends with PowerDown");
        assertEquals(0, chip.framesRejected(), trace::toString);
    }

    @Test
    void nfcListShowsThePhone() throws Exception {
        assertListsThePhone(false);
    }

    @Test
    void nfcListShowsThePhoneOverAPacedLink() throws Exception {
        assertListsThePhone(true);
    }

    private void assertListsThePhone(boolean paced) throws Exception {
        Path tool = LibnfcTool.require("nfc-list", "libnfc-bin");
        VirtualPn532 chip = chip();
        chip.placePhone(walletPhone(31));
        try (Pn532Pty pty = Pn532Pty.open(chip, paced)) {
            LibnfcTool.Result r = LibnfcTool.run(pty, tool, "", "-t", "1");
            String out = LibnfcTool.normalise(r.stdout());
            String uid = HexFormat.ofDelimiter(" ").formatHex(chip.lastActivatedUid().orElseThrow());
            assertEquals(0, r.exitCode(), r::diagnostics);
            assertTrue(out.contains("1 ISO14443A passive target(s) found:"), r::diagnostics);
            assertTrue(out.contains("ATQA (SENS_RES): 00 04\n"), r::diagnostics);
            assertTrue(out.contains("UID (NFCID3): " + uid + "\n"), () -> uid + "\n" + r.diagnostics());
            assertTrue(uid.startsWith("08 "), uid);
            assertTrue(out.contains("SAK (SEL_RES): 20\n"), r::diagnostics);
            assertTrue(out.contains("ATS: 78 80 70 02\n"), r::diagnostics);
        }
        assertEquals(PowerState.POWER_DOWN, chip.powerState());
        assertEquals(0, chip.framesRejected(), trace::toString);
    }

    @Test
    void nfcListWithoutAPhoneFindsNoTarget() throws Exception {
        Path tool = LibnfcTool.require("nfc-list", "libnfc-bin");
        VirtualPn532 chip = chip();
        try (Pn532Pty pty = Pn532Pty.open(chip)) {
            LibnfcTool.Result r = LibnfcTool.run(pty, tool, "", "-t", "1");
            assertEquals(0, r.exitCode(), r::diagnostics);
            assertTrue(r.stdout().contains("NFC device: user defined device opened"), r::diagnostics);
            assertFalse(r.stdout().contains("target(s) found"), r::diagnostics);
            assertTrue(r.log().contains("InListPassiveTarget"), r::diagnostics);
        }
        assertTrue(trace.contains("command 4A (3 bytes)"), trace::toString);
    }
}
