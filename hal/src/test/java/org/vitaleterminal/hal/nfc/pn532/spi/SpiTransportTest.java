package org.vitaleterminal.hal.nfc.pn532.spi;

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

/** The SPI transport and the Pi4J adapter together, checked on the wire (MSB-first bytes). */
class SpiTransportTest {
    private static final byte[] GET_FIRMWARE = Hex.bytes("00 00 FF 02 FE D4 02 2A 00");
    private static final byte[] FIRMWARE = Hex.bytes("00 00 FF 06 FA D5 03 32 01 06 07 E8 00");

    private FakeTime time;
    private FakePn532Spi chip;
    private boolean released;
    private SpiTransport spi;

    @BeforeEach
    void setUp() {
        time = new FakeTime();
        chip = new FakePn532Spi();
        spi = new SpiTransport(new Pi4jSpiBus(chip.device(), "/dev/spidev0.0@1000000Hz", () -> released = true), time);
    }

    @Test
    void bitReversal() {
        assertEquals((byte) 0x80, BitOrder.reverse((byte) 0x01));
        assertEquals((byte) 0x40, BitOrder.reverse((byte) 0x02));
        assertEquals((byte) 0xC0, BitOrder.reverse((byte) 0x03));
        assertEquals((byte) 0x2B, BitOrder.reverse((byte) 0xD4));
        assertEquals((byte) 0xAB, BitOrder.reverse((byte) 0xD5));
        for (int b = 0; b < 256; b++) {
            assertEquals((byte) b, BitOrder.reverse(BitOrder.reverse((byte) b)));
            assertEquals(Integer.bitCount(b), Integer.bitCount(BitOrder.reverse((byte) b) & 0xFF));
        }
    }

    @Test
    void aDataWriteIsDwAndTheFrameBitReversed() throws Exception {
        spi.write(GET_FIRMWARE);
        assertEquals("80 00 00 FF 40 7F 2B 40 54 00", Hex.of(chip.wire.get(0)));
        assertEquals(Hex.of(GET_FIRMWARE), Hex.of(chip.frames.get(0)));
    }

    @Test
    void readPollsTheStatusThenReadsTheFrameInOneDataRead() throws Exception {
        chip.output.add(FIRMWARE);
        chip.notReadyPolls = 2;
        Pn532Frame.Information info = assertInstanceOf(Pn532Frame.Information.class,
                spi.read(13, Duration.ofMillis(100)).orElseThrow());
        assertEquals("03 32 01 06 07", Hex.of(info.data()));
        assertEquals(4, chip.wire.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("40 00", Hex.of(chip.wire.get(i)), "status read SR, bit-reversed");
        }
        byte[] dataRead = chip.wire.get(3);
        assertEquals(14, dataRead.length, "DR and 13 bytes in one transfer");
        assertEquals((byte) 0xC0, dataRead[0]);
        assertEquals(List.of(SpiTransport.POLL_INTERVAL, SpiTransport.POLL_INTERVAL), time.sleeps);
    }

    @Test
    void silenceTimesOut() throws Exception {
        assertEquals(Optional.empty(), spi.read(6, Duration.ofMillis(10)));
        assertEquals(Duration.ofMillis(10), time.elapsed());
        assertEquals(6, chip.wire.size(), "a status read every 2 ms, and one at the deadline");
    }

    @Test
    void wakeUpPullsChipSelectLowAndWaits() throws Exception {
        spi.wakeUp();
        assertEquals(1, chip.wire.size());
        assertEquals(List.of(SpiTransport.WAKE_UP_DELAY), time.sleeps);
    }

    @Test
    void aFailedTransferIsAnIoException() {
        chip.transferResult = -1;
        IOException e = assertThrows(IOException.class, () -> spi.write(GET_FIRMWARE));
        assertTrue(e.getMessage().contains("/dev/spidev0.0"), e.getMessage());
    }

    @Test
    void discardReadsAndDropsAPendingFrame() throws Exception {
        chip.output.add(FIRMWARE);
        spi.discardInput();
        assertTrue(chip.output.isEmpty());
    }

    @Test
    void theCommandLayerOverSpi() throws Exception {
        chip.onWrite = w -> Hex.of(w).equals(Hex.of(GET_FIRMWARE)) ? List.of(Pn532Frames.ack(), FIRMWARE) : List.of();
        Pn532 pn532 = new Pn532(spi, Pn532Config.defaults().withTime(time));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
        // wake-up, DW, SR, DR (ACK), SR, DR (response)
        assertEquals(List.of("40", "80", "40", "C0", "40", "C0"),
                chip.wire.stream().map(b -> Hex.of(new byte[] {b[0]})).toList());
        assertEquals(7, chip.wire.get(3).length, "DR + 6 bytes for the ACK");
    }

    @Test
    void describeCloseAndRelease() {
        assertEquals("spi:/dev/spidev0.0@1000000Hz", spi.describe());
        spi.close();
        assertTrue(chip.closed);
        assertTrue(released);
    }
}
