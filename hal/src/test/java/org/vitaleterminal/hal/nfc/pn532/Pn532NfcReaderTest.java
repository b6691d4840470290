package org.vitaleterminal.hal.nfc.pn532;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vitaleterminal.hal.nfc.NfcTarget;
import org.vitaleterminal.hal.nfc.ReaderFailureException;
import org.vitaleterminal.hal.nfc.ResponseApdu;
import org.vitaleterminal.hal.nfc.ResponseTooLargeException;
import org.vitaleterminal.hal.nfc.TargetLostException;

class Pn532NfcReaderTest {
    private static final byte[] SELECT = Hex.bytes("00 A4 04 00 0A F0 56 54 31 56 49 54 41 4C 45 00");
    private static final List<String> INIT = List.of("14 01", "02", "12 10", "32 05 02 01 02", "32 02 00 0B 0A",
            "32 01 00", "32 01 01");

    private FakeTime time;
    private FakeChip chip;
    private Pn532Config config;
    private Pn532NfcReader reader;
    private final List<String> apdus = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        time = new FakeTime();
        chip = new FakeChip(time);
        config = Pn532Config.defaults().withTime(time);
        reader = Pn532Readers.open(chip, config, "pn532:test");
    }

    private NfcTarget tapPhone() throws Exception {
        chip.target(FakeChip.phone("08 A1 B2 C3"));
        return reader.poll(Duration.ofSeconds(1)).orElseThrow();
    }

    @Test
    void initialisationSequence() {
        assertEquals(INIT, chip.commands);
        assertEquals(1, chip.wakeUps);
        assertTrue(chip.fieldOn);
        assertTrue(time.sleeps.contains(config.fieldResetPause()), "the field stays off for a moment");
        assertEquals("PN532 v1.6 on pn532:test", reader.describe());
        assertEquals(Optional.of(new FirmwareVersion(0x32, 1, 6, 7)), reader.firmware());
    }

    @Test
    void aChipThatIsNotAPn532IsRefusedAndTheTransportClosed() {
        FakeChip pn533 = new FakeChip(time);
        pn533.ic = 0x33;
        ReaderFailureException e = assertThrows(ReaderFailureException.class,
                () -> Pn532Readers.open(pn533, config, "pn532:test"));
        assertTrue(e.getMessage().contains("not a PN532"), e.getMessage());
        assertTrue(pn533.closed);
    }

    @Test
    void pollFindsAPhone() throws Exception {
        NfcTarget target = tapPhone();
        assertTrue(target.isoDep());
        assertEquals("08 A1 B2 C3", Hex.of(target.uid()));
        assertEquals("06 75 77 81 02 80", Hex.of(target.ats()));
        assertEquals(1, target.number());
    }

    @Test
    void pollReleasesAndSkipsTargetsThatAreNotIsoDep() throws Exception {
        chip.target(FakeChip.tag("04 16 C6 C2 D7 38 81"));
        chip.target(Hex.bytes("01 00 04 20 04 01 02 03 04")); // SAK 20 but no ATS: activation failed
        chip.target(FakeChip.phone("08 11 22 33"));
        NfcTarget target = reader.poll(Duration.ofSeconds(5)).orElseThrow();
        assertEquals("08 11 22 33", Hex.of(target.uid()));
        List<String> polling = chip.commands.subList(INIT.size(), chip.commands.size());
        assertEquals(List.of("4A 01 00", "52 01", "4A 01 00", "52 01", "4A 01 00"), polling);
    }

    @Test
    void pollWithoutTargetsReturnsEmptyAtTheTimeout() throws Exception {
        Duration before = time.elapsed();
        assertEquals(Optional.empty(), reader.poll(Duration.ofMillis(500)));
        Duration took = time.elapsed().minus(before);
        assertTrue(took.compareTo(Duration.ofMillis(500)) >= 0 && took.compareTo(Duration.ofMillis(600)) < 0,
                took.toString());
        long lists = chip.count("4A");
        assertTrue(lists >= 10 && lists <= 12, "one InListPassiveTarget per poll pause: " + lists);
    }

    @Test
    void pollWithAZeroTimeoutLooksOnce() throws Exception {
        assertEquals(Optional.empty(), reader.poll(Duration.ZERO));
        assertEquals(1, chip.count("4A"));
    }

    @Test
    void pollReleasesATargetTheCallerForgot() throws Exception {
        tapPhone();
        reader.poll(Duration.ZERO);
        assertEquals(List.of("4A 01 00", "52 01", "4A 01 00"), chip.commands.subList(INIT.size(), chip.commands.size()));
    }

    @Test
    void transmitSendsTheApduWithInDataExchange() throws Exception {
        chip.phone = apdu -> {
            apdus.add(Hex.of(apdu));
            return Hex.bytes("01 90 00");
        };
        NfcTarget target = tapPhone();
        ResponseApdu r = reader.transmit(target, SELECT, 256);
        assertEquals(0x9000, r.sw());
        assertEquals("01", Hex.of(r.data()));
        assertEquals(List.of(Hex.of(SELECT)), apdus);
        assertEquals("40 01 " + Hex.of(SELECT), chip.commands.get(chip.commands.size() - 1));
    }

    @Test
    void getResponseChainsAreJoined() throws Exception {
        byte[] presentation = new byte[600];
        for (int i = 0; i < presentation.length; i++) {
            presentation[i] = (byte) (i * 13);
        }
        chip.phone = apdu -> {
            apdus.add(Hex.of(apdu));
            return switch (apdus.size()) {
                case 1 -> Hex.concat(Arrays.copyOfRange(presentation, 0, 250), Hex.bytes("61 FA"));
                case 2 -> Hex.concat(Arrays.copyOfRange(presentation, 250, 500), Hex.bytes("61 64"));
                default -> Hex.concat(Arrays.copyOfRange(presentation, 500, 600), Hex.bytes("90 00"));
            };
        };
        NfcTarget target = tapPhone();
        ResponseApdu r = reader.transmit(target, Hex.bytes("80 50 00 00 10 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 00"),
                4096);
        assertEquals(0x9000, r.sw());
        assertArrayEquals(presentation, r.data());
        assertEquals(List.of("80 50 00 00 10 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 00",
                "00 C0 00 00 FA", "00 C0 00 00 64"), apdus);
    }

    @Test
    void sixtyOneZeroAsksFor256Bytes() throws Exception {
        chip.phone = apdu -> {
            apdus.add(Hex.of(apdu));
            return apdus.size() == 1 ? Hex.bytes("61 00") : Hex.concat(new byte[250], Hex.bytes("90 00"));
        };
        ResponseApdu r = reader.transmit(tapPhone(), Hex.bytes("80 50 00 00 00"), 4096);
        assertEquals(250, r.data().length);
        assertEquals("00 C0 00 00 00", apdus.get(1));
    }

    @Test
    void theSizeCapCountsEveryChunk() throws Exception {
        chip.phone = apdu -> {
            apdus.add(Hex.of(apdu));
            return apdus.size() < 3 ? Hex.concat(new byte[250], Hex.bytes("61 FA"))
                    : Hex.concat(new byte[100], Hex.bytes("90 00"));
        };
        NfcTarget target = tapPhone();
        ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class,
                () -> reader.transmit(target, Hex.bytes("80 50 00 00 00"), 500));
        assertEquals("response larger than 500 bytes", e.getMessage());

        apdus.clear();
        assertEquals(600, reader.transmit(target, Hex.bytes("80 50 00 00 00"), 600).data().length);
    }

    @Test
    void aGetResponseThatBringsNothingEndsTheChain() throws Exception {
        chip.phone = apdu -> Hex.bytes("61 10");
        ResponseApdu r = reader.transmit(tapPhone(), Hex.bytes("80 50 00 00 00"), 4096);
        assertEquals(0x6110, r.sw());
        assertEquals(2, chip.count("40 01"), "the first exchange and one GET RESPONSE, no endless loop");
    }

    @Test
    void aPhoneThatLeftIsATargetLossNotAReaderFailure() throws Exception {
        NfcTarget target = tapPhone();
        chip.present = false;
        assertThrows(TargetLostException.class, () -> reader.transmit(target, SELECT, 256));
        reader.release(target);
        reader.poll(Duration.ZERO);
        assertEquals(1, chip.count("14 01"), "no re-initialisation after a target loss");
    }

    @Test
    void aSilentChipIsAbortedAndTheReaderReinitialisesAtTheNextCall() throws Exception {
        NfcTarget target = tapPhone();
        chip.nextFault = FakeChip.Fault.ACK_ONLY;
        ReaderFailureException e = assertThrows(ReaderFailureException.class, () -> reader.transmit(target, SELECT, 256));
        assertTrue(e.getMessage().contains("did not answer InDataExchange"), e.getMessage());
        assertEquals(1, chip.aborts, "the ACK-abort rule");

        // the old target belongs to the session that failed
        assertThrows(TargetLostException.class, () -> reader.transmit(target, SELECT, 256));
        assertEquals(2, chip.count("14 01"), "re-initialised by the next call");
        assertEquals(2, chip.aborts, "re-initialisation starts by aborting whatever the chip was doing");

        NfcTarget again = tapPhone();
        assertEquals(0x9000, reader.transmit(again, SELECT, 256).sw());
    }

    @Test
    void aFailedReinitialisationIsTriedAgainAtTheNextCall() throws Exception {
        chip.nextFault = FakeChip.Fault.SILENT;
        assertThrows(ReaderFailureException.class, () -> reader.poll(Duration.ZERO));
        chip.nextFault = FakeChip.Fault.IO_ERROR;
        ReaderFailureException e = assertThrows(ReaderFailureException.class, () -> reader.poll(Duration.ZERO));
        assertTrue(e.getMessage().contains("fake I/O error"), e.getMessage());
        assertEquals(Optional.empty(), reader.poll(Duration.ZERO));
        assertTrue(reader.describe().startsWith("PN532 v1.6"));
    }

    @Test
    void releaseEndsTheSessionAndNeverThrows() throws Exception {
        NfcTarget target = tapPhone();
        reader.release(target);
        assertEquals("52 01", chip.commands.get(chip.commands.size() - 1));
        assertThrows(TargetLostException.class, () -> reader.transmit(target, SELECT, 256));

        NfcTarget next = tapPhone();
        chip.nextFault = FakeChip.Fault.SILENT;
        assertDoesNotThrow(() -> reader.release(next));
        reader.poll(Duration.ZERO);
        assertEquals(2, chip.count("14 01"), "the failed release made the reader re-initialise");
    }

    @Test
    void presenceCheckSendsAnRNak() throws Exception {
        NfcTarget target = tapPhone();
        assertTrue(reader.isPresent(target));
        assertEquals("42 B2", chip.commands.get(chip.commands.size() - 1));
        chip.present = false;
        assertFalse(reader.isPresent(target));
        assertEquals(3, chip.count("42 B2"), "one probe, then two when the phone is gone");
        reader.release(target);
        assertFalse(reader.isPresent(target));
    }

    @Test
    void closeTurnsTheFieldOffAndClosesTheTransport() throws Exception {
        NfcTarget target = tapPhone();
        reader.close();
        assertFalse(chip.fieldOn);
        assertTrue(chip.closed);
        assertEquals(List.of("52 01", "32 01 00"), chip.commands.subList(chip.commands.size() - 2, chip.commands.size()));
        assertThrows(ReaderFailureException.class, () -> reader.poll(Duration.ZERO));
        assertThrows(ReaderFailureException.class, () -> reader.transmit(target, SELECT, 256));
        assertDoesNotThrow(reader::close);
    }

    @Test
    void closeNeverThrowsEvenWhenTheChipIsGone() {
        chip.nextFault = FakeChip.Fault.IO_ERROR;
        assertDoesNotThrow(reader::close);
        assertTrue(chip.closed);
    }

    @Test
    @Timeout(10)
    void closeFromAnotherThreadEndsAPollEarly() throws Exception {
        Thread[] closer = new Thread[1];
        chip.onCommand = c -> {
            if (c.startsWith("4A") && chip.count("4A") == 3) {
                closer[0] = new Thread(reader::close, "closer");
                closer[0].start();
                while (closer[0].getState() != Thread.State.BLOCKED) {
                    Thread.onSpinWait(); // close() now waits for the poll to let go of the reader
                }
            }
        };
        assertEquals(Optional.empty(), reader.poll(Duration.ofHours(1)));
        closer[0].join(5000);
        assertEquals(3, chip.count("4A"));
        assertTrue(chip.closed);
        assertEquals("32 01 00", chip.commands.get(chip.commands.size() - 1));
    }

    @Test
    void anUnboundedSizeCapIsFine() throws Exception {
        chip.phone = apdu -> Hex.bytes("01 90 00");
        assertEquals(1, reader.transmit(tapPhone(), SELECT, Integer.MAX_VALUE).data().length);
    }

    @Test
    void commandApdusMustBeApdus() throws Exception {
        NfcTarget target = tapPhone();
        assertThrows(IllegalArgumentException.class, () -> reader.transmit(target, Hex.bytes("00 A4 04"), 256));
        assertThrows(IllegalArgumentException.class, () -> reader.transmit(target, SELECT, -1));
    }
}
