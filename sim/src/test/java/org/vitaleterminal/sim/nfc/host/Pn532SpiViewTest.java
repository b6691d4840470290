package org.vitaleterminal.sim.nfc.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.nfc.ManualNanoClock;
import org.vitaleterminal.sim.nfc.chip.Pn532Timing;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;
import org.vitaleterminal.sim.nfc.testing.ChipStream;
import org.vitaleterminal.sim.nfc.testing.Hex;

/** Bytes on the wire are LSB first: the test bit-reverses them with its own table. */
class Pn532SpiViewTest {
    private final ManualNanoClock clock = new ManualNanoClock();
    private final VirtualPn532 chip = VirtualPn532.builder().clock(clock).timing(Pn532Timing.instant()).build();
    private final Pn532SpiView spi = new Pn532SpiView(chip);

    /** Bit reversal by shifting, independent of Integer.reverse. */
    private static byte[] wire(byte[] plain) {
        byte[] out = new byte[plain.length];
        for (int i = 0; i < plain.length; i++) {
            int b = plain[i] & 0xFF;
            int r = 0;
            for (int bit = 0; bit < 8; bit++) {
                r = (r << 1) | ((b >> bit) & 1);
            }
            out[i] = (byte) r;
        }
        return out;
    }

    private static byte[] withOp(int op, byte[] rest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(op);
        out.writeBytes(rest);
        return out.toByteArray();
    }

    private byte[] transfer(int op, byte[] rest) {
        return wire(spi.transfer(wire(withOp(op, rest))));
    }

    private int status() {
        return transfer(0x02, new byte[1])[1];
    }

    @Test
    void operationBytesOnTheWire() {
        assertEquals("80 40 C0", Hex.of(wire(Hex.bytes("01 02 03"))));
        assertEquals((byte) 0x80, Pn532SpiView.reverse((byte) 0x01));
        assertEquals("80 40 C0", Hex.of(Pn532SpiView.reverse(Hex.bytes("01 02 03"))));
    }

    @Test
    void wakeUpThenCommandAckAndResponse() {
        assertEquals("FF FF", Hex.of(spi.transfer(new byte[2])), "asleep: MISO high, the transfer is lost");
        assertEquals(0, status());
        spi.transfer(wire(withOp(0x01, ChipStream.command(0x14, 0x01))));
        assertEquals(1, status());
        assertEquals("00 00 00 FF 00 FF 00", Hex.of(transfer(0x03, new byte[6])));
        assertEquals(1, status(), "the response is a second ready event");
        assertEquals("00 00 00 FF 02 FE D5 15 16 00", Hex.of(transfer(0x03, new byte[9])));
        assertEquals(0, status());
    }

    @Test
    void aFrameCanBeReadInSeveralDataReads() {
        spi.transfer(new byte[0]); // chip-select pulse wakes it
        spi.transfer(wire(withOp(0x01, ChipStream.command(0x14, 0x01))));
        transfer(0x03, new byte[6]);
        spi.transfer(wire(withOp(0x01, ChipStream.command(0x02))));
        transfer(0x03, new byte[6]);
        byte[] head = transfer(0x03, new byte[5]);
        assertEquals("00 00 00 FF 06 FA", Hex.of(head), "MISO is 00 during the operation byte");
        assertEquals(1, status(), "still ready: the frame is not fully read");
        byte[] tail = transfer(0x03, new byte[10]);
        assertEquals("00 D5 03 32 01 06 07 E8 00 00 00", Hex.of(tail), "continues, then 00 past the frame's end");
        assertEquals(0, status());
    }
}
