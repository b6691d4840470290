package org.vitaleterminal.hal.nfc.pn532.uart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.hal.nfc.pn532.FakeTime;
import org.vitaleterminal.hal.nfc.pn532.Hex;
import org.vitaleterminal.hal.nfc.pn532.Pn532;
import org.vitaleterminal.hal.nfc.pn532.Pn532Config;
import org.vitaleterminal.hal.nfc.pn532.Pn532Frame;
import org.vitaleterminal.hal.nfc.pn532.Pn532Frames;

class UartTransportTest {
    private static final String WAKE = "55 55 00 00 00 00 00 00 00 00 00 00 00 00 00 00";
    private static final String GET_FIRMWARE = "00 00 FF 02 FE D4 02 2A 00";

    private FakeTime time;
    private FakeSerialLink link;
    private UartTransport uart;

    @BeforeEach
    void setUp() {
        time = new FakeTime();
        link = new FakeSerialLink(time);
        uart = new UartTransport(link, time);
    }

    @Test
    void theFirstFrameAfterOpenAndAfterWakeUpCarriesTheWakeUpPreamble() throws Exception {
        uart.write(Hex.bytes(GET_FIRMWARE));
        uart.write(Hex.bytes(GET_FIRMWARE));
        uart.wakeUp();
        uart.write(Pn532Frames.ack());
        assertEquals(WAKE + " " + GET_FIRMWARE, Hex.of(link.written.get(0)));
        assertEquals(GET_FIRMWARE, Hex.of(link.written.get(1)));
        assertEquals(WAKE + " 00 00 FF 00 FF 00", Hex.of(link.written.get(2)));
        assertEquals(3, link.written.size(), "preamble and frame go in one write, with no pause between");
    }

    @Test
    void framesSplitAcrossChunksAndBackToBackAreRead() throws Exception {
        link.deliver(1, "00 00 FF 00");
        link.deliver(2, "FF 00 00 00 FF 06 FA D5");
        link.deliver(3, "03 32 01 06 07 E8 00");
        assertInstanceOf(Pn532Frame.Ack.class, uart.read(6, Duration.ofMillis(100)).orElseThrow());
        Pn532Frame.Information info = assertInstanceOf(Pn532Frame.Information.class,
                uart.read(6, Duration.ofMillis(100)).orElseThrow());
        assertEquals("03 32 01 06 07", Hex.of(info.data()));
    }

    @Test
    void silenceIsAnEmptyReadAfterTheTimeout() throws Exception {
        assertEquals(Optional.empty(), uart.read(6, Duration.ofMillis(100)));
        assertEquals(Duration.ofMillis(100), time.elapsed());
    }

    @Test
    void aFrameCutShortIsCorruptAfterAGracePeriod() throws Exception {
        link.deliver(10, "00 00 FF 06 FA D5 03");
        Pn532Frame f = uart.read(6, Duration.ofMillis(100)).orElseThrow();
        assertEquals("frame cut short", assertInstanceOf(Pn532Frame.Corrupt.class, f).problem());
        Duration grace = UartTransport.frameGrace(115_200);
        assertEquals(Duration.ofMillis(100).plus(grace), time.elapsed());
    }

    @Test
    void aFrameFinishingWithinTheGraceIsKept() throws Exception {
        link.deliver(95, "00 00 FF 06 FA D5 03");
        link.deliver(110, "32 01 06 07 E8 00");
        assertInstanceOf(Pn532Frame.Information.class, uart.read(6, Duration.ofMillis(100)).orElseThrow());
    }

    @Test
    void discardDropsBufferedBytesAndTheLinksInput() throws Exception {
        // an ACK followed by two zeros: the parser keeps the last 00 as a possible start code
        link.deliver(1, "00 00 FF 00 FF 00 00 00");
        assertInstanceOf(Pn532Frame.Ack.class, uart.read(6, Duration.ofMillis(100)).orElseThrow());
        uart.discardInput();
        assertEquals(1, link.discards);
        // without the discard, that 00 and these bytes would make a valid frame
        link.deliver(1, "FF 02 FE D5 15 16 00");
        assertEquals(Optional.empty(), uart.read(6, Duration.ofMillis(100)));
    }

    @Test
    void wakeUpBytesAheadOfTheAnswerAreNoise() throws Exception {
        link.deliver(1, WAKE + " 00 00 FF 00 FF 00");
        assertInstanceOf(Pn532Frame.Ack.class, uart.read(6, Duration.ofMillis(100)).orElseThrow());
    }

    @Test
    void describeAndClose() {
        assertEquals("uart:/dev/fake@115200", uart.describe());
        uart.close();
        assertTrue(link.closed);
    }

    @Test
    void theCommandLayerOverTheUartByteForByte() throws Exception {
        link.onWrite = w -> Hex.bytes("00 00 FF 00 FF 00 00 00 FF 06 FA D5 03 32 01 06 07 E8 00");
        Pn532 pn532 = new Pn532(uart, Pn532Config.defaults().withTime(time));
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
        assertEquals(WAKE + " " + GET_FIRMWARE, Hex.of(link.written.get(0)));
        assertEquals(1, link.written.size());
    }

    @Test
    void frameGraceCoversALongestFrame() {
        assertEquals(Duration.ofMillis(20 + 23), UartTransport.frameGrace(115_200));
        assertEquals(Duration.ofMillis(20 + 286), UartTransport.frameGrace(9_600));
    }

    @Test
    void jSerialCommTimeoutsRoundUpAndNeverReachZero() {
        assertEquals(1, JSerialCommLink.timeoutMillis(Duration.ZERO));
        assertEquals(1, JSerialCommLink.timeoutMillis(Duration.ofNanos(1)));
        assertEquals(2, JSerialCommLink.timeoutMillis(Duration.ofMillis(1).plusNanos(1)));
        assertEquals(100, JSerialCommLink.timeoutMillis(Duration.ofMillis(100)));
        assertEquals(Integer.MAX_VALUE, JSerialCommLink.timeoutMillis(Duration.ofDays(365 * 100)));
    }
}
