package org.vitaleterminal.hal.nfc.pn532;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vitaleterminal.hal.nfc.pn532.ScriptedTransport.ACK;
import static org.vitaleterminal.hal.nfc.pn532.ScriptedTransport.NACK;
import static org.vitaleterminal.hal.nfc.pn532.ScriptedTransport.after;
import static org.vitaleterminal.hal.nfc.pn532.ScriptedTransport.reply;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.ReaderFailureException;
import org.vitaleterminal.hal.nfc.ResponseTooLargeException;
import org.vitaleterminal.hal.nfc.TargetLostException;

/** The command layer against a chip that misbehaves in scripted ways. */
class Pn532RobustnessTest {
    private static final String GET_FIRMWARE = "00 00 FF 02 FE D4 02 2A 00";
    private static final String FIRMWARE = "00 00 FF 06 FA D5 03 32 01 06 07 E8 00";
    private static final String IN_LIST = "00 00 FF 04 FC D4 4A 01 00 E1 00";
    private static final String NO_TARGET = "00 00 FF 03 FD D5 4B 00 E0 00";

    private FakeTime time;
    private ScriptedTransport chip;
    private Pn532 pn532;
    private Pn532Config config;

    @BeforeEach
    void setUp() {
        time = new FakeTime();
        chip = new ScriptedTransport(time);
        config = Pn532Config.defaults().withTime(time);
        pn532 = new Pn532(chip, config);
    }

    @AfterEach
    void everyStepWasPlayed() {
        assertTrue(chip.done(), "steps left: " + chip.remaining());
    }

    @Test
    void aLostAckIsForgivenWhenTheResponseComes() throws Exception {
        chip.expect(GET_FIRMWARE, after(3, FIRMWARE));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
    }

    @Test
    void aDuplicateAckIsIgnored() throws Exception {
        chip.expect(GET_FIRMWARE, reply(ACK), reply(ACK), after(2, FIRMWARE));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
    }

    @Test
    void garbageBeforeTheAckAndBetweenFramesIsSkipped() throws Exception {
        chip.expect(GET_FIRMWARE, reply("FF 13 00 55 AA"), reply(ACK), reply("00 00 12 FF FF 01"), reply(FIRMWARE));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
    }

    @Test
    void extraPreambleBytesAreFine() throws Exception {
        chip.expect(GET_FIRMWARE, reply("00 00 00 " + ACK), reply("00 00 00 00 " + FIRMWARE + " 00 00"));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
    }

    @Test
    void badDataChecksumIsAnsweredWithANackAndTheResentFrameIsAccepted() throws Exception {
        chip.expect(GET_FIRMWARE, reply(ACK), after(2, "00 00 FF 06 FA D5 03 32 01 06 07 E9 00"));
        chip.expect(NACK, after(1, FIRMWARE));
        assertEquals(new FirmwareVersion(0x32, 1, 6, 7), pn532.getFirmwareVersion());
    }

    @Test
    void badLengthChecksumIsAnsweredWithANack() throws Exception {
        chip.expect(GET_FIRMWARE, reply(ACK), after(2, "00 00 FF 06 FB D5 03 32 01 06 07 E8 00"));
        chip.expect(NACK, after(1, FIRMWARE));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
    }

    @Test
    void garbageInsideAFrameBreaksItsChecksumAndIsRetried() throws Exception {
        chip.expect(GET_FIRMWARE, reply(ACK), after(2, "00 00 FF 06 FA D5 03 32 01 EE 06 07 E8 00"));
        chip.expect(NACK, after(1, FIRMWARE));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
    }

    @Test
    void aTruncatedFrameIsAskedForAgain() throws Exception {
        chip.expect(GET_FIRMWARE, reply(ACK), after(2, "00 00 FF 06 FA D5 03"));
        chip.expect(NACK, after(1, FIRMWARE));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
        // the cut frame was given up only after the command timeout and the grace period
        assertTrue(time.elapsed().compareTo(config.commandTimeout()) > 0, time.elapsed().toString());
    }

    @Test
    void corruptAfterEveryNackGivesUpAbortsAndFails() {
        String bad = "00 00 FF 06 FA D5 03 32 01 06 07 E9 00";
        chip.expect(GET_FIRMWARE, reply(ACK), reply(bad));
        chip.expect(NACK, reply(bad));
        chip.expect(NACK, reply(bad));
        chip.expect(ACK);
        ReaderFailureException e = assertThrows(ReaderFailureException.class, pn532::getFirmwareVersion);
        assertTrue(e.getMessage().contains("after 2 NACKs"), e.getMessage());
    }

    @Test
    void aCorruptAckCountsAsAnAck() throws Exception {
        chip.expect(GET_FIRMWARE, reply("00 00 FF 00 FE 00"), after(20, FIRMWARE));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
    }

    @Test
    void noAckWithinTheAckTimeoutAbortsWithAnAck() {
        chip.expect(GET_FIRMWARE);
        chip.expect(ACK);
        ReaderFailureException e = assertThrows(ReaderFailureException.class, pn532::getFirmwareVersion);
        assertTrue(e.getMessage().contains("did not acknowledge GetFirmwareVersion within 100 ms"), e.getMessage());
        assertTrue(time.elapsed().compareTo(Duration.ofMillis(200)) < 0, time.elapsed().toString());
        assertTrue(chip.discards >= 1, "input dropped after the abort");
    }

    @Test
    void aSlowResponseTimesOutAndIsAbortedThenItsLateFrameIsIgnored() throws Exception {
        chip.expect(IN_LIST, reply(ACK), after(5000, NO_TARGET));
        chip.expect(ACK);
        ReaderFailureException e = assertThrows(ReaderFailureException.class, pn532::inListPassiveTarget);
        assertTrue(e.getMessage().contains("did not answer InListPassiveTarget within 1000 ms"), e.getMessage());
        Duration elapsed = time.elapsed();
        assertTrue(elapsed.compareTo(config.listTimeout()) >= 0 && elapsed.compareTo(Duration.ofMillis(1300)) < 0,
                elapsed.toString());

        // the chip's late answer to the aborted command (due at 5 s) lands in the middle of the
        // next dialog, between its ACK (4.995 s) and its response (5.010 s)
        time.advance(Duration.ofMillis(4990).minus(time.elapsed()));
        chip.expect(GET_FIRMWARE, after(5, ACK), after(20, FIRMWARE));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
    }

    @Test
    void aResponseToAnotherCommandIsDiscarded() throws Exception {
        chip.expect(GET_FIRMWARE, reply(ACK), reply(NO_TARGET), after(5, FIRMWARE));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
    }

    @Test
    void onlyAResponseToAnotherCommandTimesOut() {
        chip.expect(GET_FIRMWARE, reply(ACK), reply(NO_TARGET));
        chip.expect(ACK);
        assertThrows(ReaderFailureException.class, pn532::getFirmwareVersion);
    }

    @Test
    void aTransportErrorIsAReaderFailureAndTheChipIsAborted() {
        chip.failNextWrite = new IOException("device unplugged");
        chip.expect(ACK);
        ReaderFailureException e = assertThrows(ReaderFailureException.class, pn532::getFirmwareVersion);
        assertInstanceOf(IOException.class, e.getCause());
        assertTrue(e.getMessage().contains("device unplugged"), e.getMessage());
    }

    // --- MI chaining ---------------------------------------------------------------------

    @Test
    void longCommandsAreSentInChainedPieces() throws Exception {
        byte[] data = new byte[600];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        chip.expect(Pn532Frames.hostCommand(Hex.concat(Hex.bytes("40 41"), Arrays.copyOfRange(data, 0, 262))),
                reply(ACK), reply(Pn532Frames.information(0xD5, Hex.bytes("41 00"))));
        chip.expect(Pn532Frames.hostCommand(Hex.concat(Hex.bytes("40 41"), Arrays.copyOfRange(data, 262, 524))),
                reply(ACK), reply(Pn532Frames.information(0xD5, Hex.bytes("41 00"))));
        chip.expect(Pn532Frames.hostCommand(Hex.concat(Hex.bytes("40 01"), Arrays.copyOfRange(data, 524, 600))),
                reply(ACK), reply(Pn532Frames.information(0xD5, Hex.bytes("41 00 90 00"))));
        assertEquals("90 00", Hex.of(pn532.inDataExchange(1, data, 258)));
        // 262 data bytes make the longest frame the firmware takes: an extended frame of 265
        assertTrue(chip.writes.get(0).startsWith("00 00 FF FF FF 01 09 F6 D4 40 41"), chip.writes.get(0));
    }

    @Test
    void exactly262BytesGoInOneFrame() throws Exception {
        byte[] data = new byte[262];
        chip.expect(Pn532Frames.hostCommand(Hex.concat(Hex.bytes("40 01"), data)),
                reply(ACK), reply(Pn532Frames.information(0xD5, Hex.bytes("41 00 90 00"))));
        assertEquals("90 00", Hex.of(pn532.inDataExchange(1, data, 258)));
    }

    @Test
    void chainedResponsesAreFetchedWith40TgAndJoined() throws Exception {
        byte[] first = filled(262, 1);
        byte[] second = filled(262, 2);
        byte[] last = filled(12, 3);
        chip.expect(Pn532Frames.hostCommand(Hex.bytes("40 01 80 50 00 00 00")), reply(ACK),
                reply(Pn532Frames.information(0xD5, Hex.concat(Hex.bytes("41 40"), first))));
        chip.expect("00 00 FF 03 FD D4 40 01 EB 00", reply(ACK),
                reply(Pn532Frames.information(0xD5, Hex.concat(Hex.bytes("41 40"), second))));
        chip.expect("00 00 FF 03 FD D4 40 01 EB 00", reply(ACK),
                reply(Pn532Frames.information(0xD5, Hex.concat(Hex.bytes("41 00"), last))));
        byte[] joined = pn532.inDataExchange(1, Hex.bytes("80 50 00 00 00"), 4096);
        assertArrayEquals(Hex.concat(first, second, last), joined);
    }

    @Test
    void chainedResponsesStopAtTheCap() {
        chip.expect(Pn532Frames.hostCommand(Hex.bytes("40 01 80 50 00 00 00")), reply(ACK),
                reply(Pn532Frames.information(0xD5, Hex.concat(Hex.bytes("41 40"), filled(262, 1)))));
        chip.expect("00 00 FF 03 FD D4 40 01 EB 00", reply(ACK),
                reply(Pn532Frames.information(0xD5, Hex.concat(Hex.bytes("41 40"), filled(262, 2)))));
        assertThrows(ResponseTooLargeException.class, () -> pn532.inDataExchange(1, Hex.bytes("80 50 00 00 00"), 500));
    }

    @Test
    void moreAnnouncedWithoutDataIsAViolation() {
        chip.expect(Pn532Frames.hostCommand(Hex.bytes("40 01 00 B0 00 00 00")), reply(ACK),
                reply(Pn532Frames.information(0xD5, Hex.bytes("41 40"))));
        assertThrows(ReaderFailureException.class, () -> pn532.inDataExchange(1, Hex.bytes("00 B0 00 00 00"), 4096));
    }

    @Test
    void aNadInTheStatusIsAViolation() {
        chip.expect(Pn532Frames.hostCommand(Hex.bytes("40 01 00 B0 00 00 00")), reply(ACK),
                reply(Pn532Frames.information(0xD5, Hex.bytes("41 80 12 90 00"))));
        assertThrows(ReaderFailureException.class, () -> pn532.inDataExchange(1, Hex.bytes("00 B0 00 00 00"), 4096));
    }

    // --- status codes ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0A, 0x0B, 0x12, 0x13, 0x23, 0x25, 0x29, 0x2A, 0x2B, 0x2C,
            0x2E, 0x41, 0x6B})
    void radioErrorsMeanTheTargetIsLost(int status) {
        assertEquals(TargetLostException.class, exchangeFailure(status).getClass());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x07, 0x09, 0x0D, 0x0E, 0x10, 0x14, 0x26, 0x27, 0x2D, 0x3F})
    void chipErrorsAreReaderFailures(int status) {
        NfcException e = exchangeFailure(status);
        assertEquals(ReaderFailureException.class, e.getClass());
        assertTrue(e.getMessage().contains(String.format("0x%02X", status & 0x3F)), e.getMessage());
    }

    private NfcException exchangeFailure(int status) {
        chip.expect(Pn532Frames.hostCommand(Hex.bytes("40 01 00 B0 00 00 00")), reply(ACK),
                reply(Pn532Frames.information(0xD5, new byte[] {0x41, (byte) status})));
        return assertThrows(NfcException.class, () -> pn532.inDataExchange(1, Hex.bytes("00 B0 00 00 00"), 4096));
    }

    @Test
    void releaseAndDeselectReturnTheirStatus() throws Exception {
        chip.expect("00 00 FF 03 FD D4 52 01 D9 00", reply(ACK), reply("00 00 FF 03 FD D5 53 00 D8 00"));
        chip.expect("00 00 FF 03 FD D4 44 00 E8 00", reply(ACK), reply("00 00 FF 03 FD D5 45 27 BF 00"));
        assertEquals(0x00, pn532.inRelease(1));
        assertEquals(0x27, pn532.inDeselect(0));
    }

    private static byte[] filled(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }
}
