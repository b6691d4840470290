package org.vitaleterminal.hal.nfc.pn532.i2c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.hal.nfc.pn532.FakeTime;
import org.vitaleterminal.hal.nfc.pn532.Hex;
import org.vitaleterminal.hal.nfc.pn532.Pn532;
import org.vitaleterminal.hal.nfc.pn532.Pn532Config;
import org.vitaleterminal.hal.nfc.pn532.Pn532Frame;
import org.vitaleterminal.hal.nfc.pn532.Pn532Frames;

/** The I2C transport and the Pi4J adapter together, against a PN532 behind a fake Pi4J I2C. */
class I2cTransportTest {
    private static final byte[] GET_FIRMWARE = Hex.bytes("00 00 FF 02 FE D4 02 2A 00");
    private static final byte[] FIRMWARE = Hex.bytes("00 00 FF 06 FA D5 03 32 01 06 07 E8 00");

    private FakeTime time;
    private FakePn532I2c chip;
    private boolean released;
    private I2cTransport i2c;

    @BeforeEach
    void setUp() {
        time = new FakeTime();
        chip = new FakePn532I2c(time);
        i2c = new I2cTransport(new Pi4jI2cBus(chip.device(), "/dev/i2c-1@0x24", () -> released = true), time);
    }

    @Test
    void aFrameIsWrittenAsOneTransactionExactly() throws Exception {
        i2c.write(GET_FIRMWARE);
        assertEquals(1, chip.writes.size());
        assertEquals(Hex.of(GET_FIRMWARE), Hex.of(chip.writes.get(0)));
    }

    @Test
    void readPollsTheStatusByteThenReadsStatusAndFrameInOneTransaction() throws Exception {
        chip.frames.add(FIRMWARE);
        chip.notReadyPolls = 3;
        Pn532Frame.Information info = assertInstanceOf(Pn532Frame.Information.class,
                i2c.read(13, Duration.ofMillis(100)).orElseThrow());
        assertEquals("03 32 01 06 07", Hex.of(info.data()));
        List<Integer> lengths = chip.transactions.stream().map(FakePn532I2c.Transaction::length).toList();
        assertEquals(List.of(1, 1, 1, 1, 14), lengths, "four 1-byte status polls, then status + 13 bytes");
    }

    @Test
    void busyNaksWhilePollingMeanNotReady() throws Exception {
        chip.frames.add(Pn532Frames.ack());
        chip.naks = 4;
        assertInstanceOf(Pn532Frame.Ack.class, i2c.read(6, Duration.ofMillis(100)).orElseThrow());
        assertEquals(6, chip.transactions.size(), "4 NAKed polls, a ready poll, the 7-byte read");
        assertEquals(7, chip.transactions.get(5).length());
    }

    @Test
    void transactionsAreAtLeastFiveMillisecondsApart() throws Exception {
        chip.onWrite = w -> List.of(Pn532Frames.ack(), FIRMWARE);
        chip.notReadyPolls = 2;
        i2c.write(GET_FIRMWARE);
        i2c.read(6, Duration.ofMillis(100));
        i2c.read(13, Duration.ofMillis(100));
        List<FakePn532I2c.Transaction> t = chip.transactions;
        for (int i = 1; i < t.size(); i++) {
            long gap = t.get(i).atNanos() - t.get(i - 1).atNanos();
            assertTrue(gap >= 5_000_000, "gap " + gap + " ns before transaction " + i);
        }
    }

    @Test
    void silenceTimesOut() throws Exception {
        assertEquals(Optional.empty(), i2c.read(6, Duration.ofMillis(50)));
        assertTrue(time.elapsed().compareTo(Duration.ofMillis(50)) >= 0, time.elapsed().toString());
        assertTrue(time.elapsed().compareTo(Duration.ofMillis(60)) <= 0, time.elapsed().toString());
        assertTrue(chip.transactions.stream().allMatch(t -> t.length() == 1), "only status polls");
    }

    @Test
    void aNakedWriteIsTriedThreeTimes() throws Exception {
        chip.naks = 2;
        i2c.write(GET_FIRMWARE);
        assertEquals(1, chip.writes.size());
        assertEquals(3, chip.transactions.size());

        chip.naks = 3;
        IOException e = assertThrows(IOException.class, () -> i2c.write(GET_FIRMWARE));
        assertTrue(e.getMessage().contains("Remote I/O error"), e.getMessage());
    }

    @Test
    void aFrameLongerThanTheReadIsCorrupt() throws Exception {
        chip.frames.add(FIRMWARE);
        Pn532Frame f = i2c.read(6, Duration.ofMillis(50)).orElseThrow();
        assertTrue(assertInstanceOf(Pn532Frame.Corrupt.class, f).problem().contains("longer than the 6 bytes"));
    }

    @Test
    void discardReadsAndDropsAPendingFrame() throws Exception {
        chip.frames.add(FIRMWARE);
        i2c.discardInput();
        assertTrue(chip.frames.isEmpty());
        assertEquals(Optional.empty(), i2c.read(13, Duration.ofMillis(20)));
    }

    @Test
    void theCommandLayerOverI2c() throws Exception {
        chip.onWrite = w -> Hex.of(w).equals(Hex.of(GET_FIRMWARE)) ? List.of(Pn532Frames.ack(), FIRMWARE) : List.of();
        Pn532 pn532 = new Pn532(i2c, Pn532Config.defaults().withTime(time));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
        assertEquals(List.of(Hex.of(GET_FIRMWARE)), chip.writes.stream().map(Hex::of).toList());
        List<Integer> reads = chip.transactions.stream().filter(t -> t.kind().equals("read"))
                .map(FakePn532I2c.Transaction::length).toList();
        assertEquals(List.of(1, 7, 1), reads.subList(0, 3), "ACK: status poll, status + 6 bytes");
        assertTrue(reads.get(3) >= 14, "response: status + room for the 13-byte frame: " + reads);
    }

    @Test
    void theAdapterReportsShortReadsAndClosesAndReleases() throws Exception {
        chip.shortRead = 0;
        Pi4jI2cBus bus = new Pi4jI2cBus(chip.device(), "/dev/i2c-1@0x24", () -> released = true);
        IOException e = assertThrows(IOException.class, () -> bus.read(new byte[7]));
        assertTrue(e.getMessage().contains("got 0 of 7"), e.getMessage());
        assertEquals("i2c:/dev/i2c-1@0x24", i2c.describe());
        i2c.close();
        assertTrue(chip.closed);
        assertTrue(released);
    }
}
