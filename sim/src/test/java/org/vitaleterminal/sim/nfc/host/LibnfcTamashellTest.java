package org.vitaleterminal.sim.nfc.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;
import org.vitaleterminal.sim.nfc.phone.Phone;
import org.vitaleterminal.sim.nfc.phone.WalletApplet;
import org.vitaleterminal.sim.testing.CoseView;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * APDUs through libnfc: {@code pn53x-tamashell} (Debian libnfc-pn53x-examples) opens the chip
 * with libnfc's own initialisation and sends raw PN53x commands, here InListPassiveTarget and one
 * InDataExchange per VT1 APDU, printing each answer without its response code. Skipped where the
 * package is not installed (CI installs only libnfc-bin).
 */
@EnabledOnOs(OS.LINUX)
class LibnfcTamashellTest {
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final String CHALLENGE = "A0 A1 A2 A3 A4 A5 A6 A7 A8 A9 AA AB AC AD AE AF";

    @Test
    void vt1ReadThroughLibnfc() throws Exception {
        Path tool = LibnfcTool.optional("pn53x-tamashell", "libnfc-pn53x-examples");
        SampleWorld world = SampleWorld.create(SimRandom.seeded(41), NOW);
        VirtualPn532 chip = VirtualPn532.builder().build();
        chip.placePhone(Phone.builder(WalletApplet.of(world.family(), Clock.fixed(NOW, ZoneOffset.UTC), 0, 1, 2, 3),
                SimRandom.seeded(42)).build());
        String script = String.join("\n",
                "// list, SELECT, GET PRESENTATION, then GET RESPONSE (Le 00) until 90 00",
                "4A 01 00;",
                "40 01 00 A4 04 00 0A F0 56 54 31 56 49 54 41 4C 45 00;",
                "40 01 80 50 00 00 10 " + CHALLENGE + " 00;",
                "40 01 00 C0 00 00 00;",
                "40 01 00 C0 00 00 00;",
                "40 01 00 C0 00 00 00;",
                "40 01 00 C0 00 00 00;",
                "40 01 00 C0 00 00 00;",
                "40 01 00 C0 00 00 00;",
                "q", "");
        LibnfcTool.Result r;
        try (Pn532Pty pty = Pn532Pty.open(chip)) {
            r = LibnfcTool.run(pty, tool, script);
        }
        assertEquals(0, r.exitCode(), r::diagnostics);
        List<byte[]> rx = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("Rx:")) {
                rx.add(HexFormat.of().parseHex(line.substring(3).replaceAll("\\s+", "")));
            }
        }
        assertTrue(rx.size() >= 4, r::diagnostics);
        String uid = HexFormat.of().formatHex(chip.lastActivatedUid().orElseThrow());
        // NbTg 01, Tg 01, ATQA 00 04, SAK 20, UID length 04, UID, ATS
        assertEquals("010100042004" + uid + "0578807002", HexFormat.of().formatHex(rx.get(0)), r::diagnostics);
        assertEquals("00019000", HexFormat.of().formatHex(rx.get(1)), "status 00, then 01 90 00");

        ByteArrayOutputStream presentation = new ByteArrayOutputStream();
        boolean done = false;
        for (byte[] answer : rx.subList(2, rx.size())) {
            assertEquals(0x00, answer[0], "InDataExchange status");
            presentation.write(answer, 1, answer.length - 3);
            int sw1 = answer[answer.length - 2] & 0xFF;
            if (sw1 == 0x90) {
                done = true;
                break;
            }
            assertEquals(0x61, sw1, r::diagnostics);
        }
        assertTrue(done, () -> "no 90 00 in " + rx.size() + " answers\n" + r.diagnostics());
        byte[] bytes = presentation.toByteArray();
        assertEquals(0xD2, bytes[0] & 0xFF);
        assertArrayEquals(HexFormat.of().parseHex(CHALLENGE.replace(" ", "")),
                (byte[]) CoseView.decode(bytes).claims().get(3L), "nonce = challenge");
    }
}
