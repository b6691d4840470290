package org.vitaleterminal.hal.nfc.pn532;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitaleterminal.hal.nfc.pn532.ScriptedTransport.ACK;
import static org.vitaleterminal.hal.nfc.pn532.ScriptedTransport.ERROR;
import static org.vitaleterminal.hal.nfc.pn532.ScriptedTransport.reply;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.hal.nfc.NfcTarget;
import org.vitaleterminal.hal.nfc.ReaderFailureException;
import org.vitaleterminal.hal.nfc.TargetLostException;

/** The command layer replaying the transcripts of pn532.md §4.7 byte for byte. */
class Pn532TranscriptTest {
    private FakeTime time;
    private ScriptedTransport chip;
    private Pn532 pn532;

    @BeforeEach
    void setUp() {
        time = new FakeTime();
        chip = new ScriptedTransport(time);
        pn532 = new Pn532(chip, Pn532Config.defaults().withTime(time));
    }

    @AfterEach
    void everyStepWasPlayed() {
        assertTrue(chip.done(), "steps left: " + chip.remaining());
    }

    @Test
    void getFirmwareVersion() throws Exception {
        chip.expect("00 00 FF 02 FE D4 02 2A 00", reply(ACK), reply("00 00 FF 06 FA D5 03 32 01 06 07 E8 00"));
        FirmwareVersion v = pn532.getFirmwareVersion();
        assertEquals(new FirmwareVersion(0x32, 1, 6, 7), v);
        assertEquals("PN532 v1.6", v.toString());
        assertTrue(v.isPn532() && v.supportsIso14443a());
        assertEquals(1, chip.wakeUps, "the first command after open is preceded by a wake-up");
    }

    @Test
    void samConfigurationLibnfcVariantIsWhatTheDriverSends() throws Exception {
        chip.expect("00 00 FF 03 FD D4 14 01 17 00", reply(ACK), reply("00 00 FF 02 FE D5 15 16 00"));
        pn532.wakeUpAndConfigureSam();
        assertEquals(1, chip.wakeUps);
    }

    @Test
    void samConfigurationNfcpyVariant() throws Exception {
        chip.expect("00 00 FF 05 FB D4 14 01 00 00 17 00", reply(ACK), reply("00 00 FF 02 FE D5 15 16 00"));
        assertEquals(0, pn532.call(0x14, Hex.bytes("01 00 00"), Duration.ofSeconds(1), 0).length);
    }

    @Test
    void inListPassiveTargetType2Tag() throws Exception {
        chip.expect("00 00 FF 04 FC D4 4A 01 00 E1 00", reply(ACK),
                reply("00 00 FF 0F F1 D5 4B 01 01 00 44 00 07 04 16 C6 C2 D7 38 81 61 00"));
        NfcTarget t = pn532.inListPassiveTarget().orElseThrow();
        assertEquals(1, t.number());
        assertEquals(0x0044, t.atqa());
        assertEquals(0x00, t.sak());
        assertEquals("04 16 C6 C2 D7 38 81", Hex.of(t.uid()));
        assertEquals(0, t.ats().length);
        assertTrue(!t.isoDep());
    }

    @Test
    void inListPassiveTargetType4A() throws Exception {
        chip.expect("00 00 FF 04 FC D4 4A 01 00 E1 00", reply(ACK),
                reply("00 00 FF 12 EE D5 4B 01 01 00 04 20 04 08 11 22 33 06 75 77 81 02 80 53 00"));
        NfcTarget t = pn532.inListPassiveTarget().orElseThrow();
        assertEquals(0x0004, t.atqa());
        assertEquals(0x20, t.sak());
        assertTrue(t.isoDep());
        assertEquals("08 11 22 33", Hex.of(t.uid()));
        assertEquals("06 75 77 81 02 80", Hex.of(t.ats()));
    }

    @Test
    void inListPassiveTargetWithoutTarget() throws Exception {
        chip.expect("00 00 FF 04 FC D4 4A 01 00 E1 00", reply(ACK), reply("00 00 FF 03 FD D5 4B 00 E0 00"));
        assertEquals(Optional.empty(), pn532.inListPassiveTarget());
    }

    @Test
    void inDataExchange() throws Exception {
        chip.expect("00 00 FF 05 FB D4 40 01 31 32 88 00", reply(ACK), reply("00 00 FF 05 FB D5 41 00 AA BB 85 00"));
        assertEquals("AA BB", Hex.of(pn532.inDataExchange(1, Hex.bytes("31 32"), 100)));
    }

    @Test
    void inDataExchangeTimeoutStatusMeansTheTargetIsLost() {
        chip.expect("00 00 FF 05 FB D4 40 01 31 32 88 00", reply(ACK), reply("00 00 FF 03 FD D5 41 01 E9 00"));
        TargetLostException e = assertThrows(TargetLostException.class,
                () -> pn532.inDataExchange(1, Hex.bytes("31 32"), 100));
        assertTrue(e.getMessage().contains("0x01"), e.getMessage());
    }

    @Test
    void selectThroughInDataExchange() throws Exception {
        chip.expect("00 00 FF 10 F0 D4 40 01 00 A4 04 00 07 F0 01 02 03 04 05 06 00 37 00", reply(ACK),
                reply("00 00 FF 05 FB D5 41 00 90 00 5A 00"));
        assertEquals("90 00", Hex.of(pn532.inDataExchange(1, Hex.bytes("00 A4 04 00 07 F0 01 02 03 04 05 06 00"), 258)));
    }

    @Test
    void genericFrame() throws Exception {
        chip.expect("00 00 FF 05 FB D4 00 31 32 33 96 00", reply(ACK), reply("00 00 FF 05 FB D5 01 34 35 36 8B 00"));
        assertEquals("456", new String(pn532.call(0x00, "123".getBytes(StandardCharsets.US_ASCII),
                Duration.ofMillis(500), 3), StandardCharsets.US_ASCII));
    }

    @Test
    void extendedFrame() throws Exception {
        byte[] params = new byte[3 + 256];
        System.arraycopy("123".getBytes(StandardCharsets.US_ASCII), 0, params, 0, 3);
        byte[] answer = new byte[3 + 256];
        System.arraycopy("456".getBytes(StandardCharsets.US_ASCII), 0, answer, 0, 3);
        chip.expect(Hex.concat(Hex.bytes("00 00 FF FF FF 01 05 FA D4 00 31 32 33"), new byte[256], Hex.bytes("96 00")),
                reply(ACK),
                reply(Hex.concat(Hex.bytes("00 00 FF FF FF 01 05 FA D5 01 34 35 36"), new byte[256], Hex.bytes("8B 00"))));
        assertArrayEquals(answer, pn532.call(0x00, params, Duration.ofMillis(500), answer.length));
    }

    @Test
    void diagnoseLineTest() throws Exception {
        byte[] data = new byte[262];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        byte[] command = Hex.concat(Hex.bytes("00 00"), data);
        byte[] echo = Hex.concat(Hex.bytes("01 00"), data);
        chip.expect(Pn532Frames.hostCommand(command), reply(ACK), reply(Pn532Frames.information(0xD5, echo)));
        pn532.communicationLineTest(data);
        assertEquals("00 00 FF FF FF 01 09 F6", chip.writes.get(0).substring(0, 23));
    }

    @Test
    void diagnoseLineTestWithAWrongEchoFails() {
        byte[] data = {1, 2, 3};
        chip.expect(Pn532Frames.hostCommand(Hex.bytes("00 00 01 02 03")), reply(ACK),
                reply(Pn532Frames.information(0xD5, Hex.bytes("01 00 01 02 04"))));
        assertThrows(ReaderFailureException.class, () -> pn532.communicationLineTest(data));
    }

    @Test
    void diagnoseLibnfc() throws Exception {
        chip.expect("00 00 FF 09 F7 D4 00 00 6C 69 62 6E 66 63 BE 00", reply(ACK),
                reply("00 00 FF 09 F7 D5 01 00 6C 69 62 6E 66 63 BC 00"));
        pn532.communicationLineTest("libnfc".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void powerDownThenTheNextCommandWakesTheChip() throws Exception {
        chip.expect("00 00 FF 04 FC D4 16 B0 00 66 00", reply(ACK), reply("00 00 FF 03 FD D5 17 00 14 00"));
        chip.expect("00 00 FF 02 FE D4 02 2A 00", reply(ACK), reply("00 00 FF 06 FA D5 03 32 01 06 07 E8 00"));
        assertEquals(0, pn532.powerDown(0xB0, false));
        assertEquals(1, chip.wakeUps);
        pn532.getFirmwareVersion();
        assertEquals(2, chip.wakeUps);
    }

    @Test
    void errorFrameInsteadOfAck() {
        chip.expect("00 00 FF 02 FE D4 02 2A 00", reply(ERROR));
        ReaderFailureException e = assertThrows(ReaderFailureException.class, pn532::getFirmwareVersion);
        assertTrue(e.getMessage().contains("syntax-error frame instead of an ACK"), e.getMessage());
    }

    @Test
    void ackThenErrorFrame() {
        chip.expect("00 00 FF 02 FE D4 02 2A 00", reply(ACK), reply(ERROR));
        ReaderFailureException e = assertThrows(ReaderFailureException.class, pn532::getFirmwareVersion);
        assertTrue(e.getMessage().contains("syntax-error frame after acknowledging it"), e.getMessage());
    }

    @Test
    void readLengthsAreTheAckThenTheExpectedFrame() throws Exception {
        chip.expect("00 00 FF 02 FE D4 02 2A 00", reply(ACK), reply("00 00 FF 06 FA D5 03 32 01 06 07 E8 00"));
        pn532.getFirmwareVersion();
        assertEquals(6, chip.readLengths.get(0));
        assertTrue(chip.readLengths.get(1) >= 13, "room for the 13-byte answer: " + chip.readLengths);
        assertEquals(Arrays.asList(6, Pn532Frames.frameLength(5) + 2), chip.readLengths, "room for two more preamble bytes");
    }
}
