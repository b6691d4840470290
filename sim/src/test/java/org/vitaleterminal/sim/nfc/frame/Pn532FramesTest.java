package org.vitaleterminal.sim.nfc.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.nfc.testing.ChipStream;
import org.vitaleterminal.sim.nfc.testing.Hex;

/** The encoder against the transcripts of shared/notes/pn532.md §4.7 and §5.3, recomputed by hand. */
class Pn532FramesTest {
    @Test
    void specialFrames() {
        assertEquals("00 00 FF 00 FF 00", Hex.of(Pn532Frames.ack()));
        assertEquals("00 00 FF FF 00 00", Hex.of(Pn532Frames.nack()));
        assertEquals("00 00 FF 01 FF 7F 81 00", Hex.of(Pn532Frames.applicationError()));
    }

    @Test
    void transcriptsOfTheNotes() {
        assertEquals("00 00 FF 06 FA D5 03 32 01 06 07 E8 00", Hex.of(Pn532Frames.response(Hex.bytes("03 32 01 06 07"))));
        assertEquals("00 00 FF 02 FE D5 15 16 00", Hex.of(Pn532Frames.response(Hex.bytes("15"))));
        assertEquals("00 00 FF 12 EE D5 4B 01 01 00 04 20 04 08 11 22 33 06 75 77 81 02 80 53 00",
                Hex.of(Pn532Frames.response(Hex.bytes("4B 01 01 00 04 20 04 08 11 22 33 06 75 77 81 02 80"))));
        assertEquals("00 00 FF 05 FB D5 41 00 AA BB 85 00", Hex.of(Pn532Frames.response(Hex.bytes("41 00 AA BB"))));
        assertEquals("00 00 FF 03 FD D5 41 01 E9 00", Hex.of(Pn532Frames.response(Hex.bytes("41 01"))));
        assertEquals("00 00 FF 05 FB D5 01 34 35 36 8B 00", Hex.of(Pn532Frames.response(Hex.bytes("01 34 35 36"))));
        assertEquals("00 00 FF 09 F7 D5 01 00 6C 69 62 6E 66 63 BC 00",
                Hex.of(Pn532Frames.response(Hex.bytes("01 00 6C 69 62 6E 66 63"))));
        // host side, as the driver and libnfc build them
        assertEquals("00 00 FF 02 FE D4 02 2A 00", Hex.of(Pn532Frames.command(Hex.bytes("02"))));
        assertEquals("00 00 FF 03 FD D4 14 01 17 00", Hex.of(Pn532Frames.command(Hex.bytes("14 01"))));
        assertEquals("00 00 FF 10 F0 D4 40 01 00 A4 04 00 07 F0 01 02 03 04 05 06 00 37 00",
                Hex.of(Pn532Frames.command(Hex.bytes("40 01 00 A4 04 00 07 F0 01 02 03 04 05 06 00"))));
    }

    @Test
    void extendedFrameAbove255Bytes() {
        byte[] data = new byte[260]; // 01 '456' + 256 zeros
        data[0] = 0x01;
        data[1] = '4';
        data[2] = '5';
        data[3] = '6';
        byte[] frame = Pn532Frames.response(data);
        assertEquals("00 00 FF FF FF 01 05 FA D5 01 34 35 36", Hex.of(java.util.Arrays.copyOf(frame, 13)));
        assertEquals("8B 00", Hex.of(java.util.Arrays.copyOfRange(frame, frame.length - 2, frame.length)));
        assertEquals(260 + 11, frame.length);
    }

    @Test
    void normalUpTo255AndTheTestCodecAgrees() {
        for (int n : new int[] {0, 1, 253, 254, 255, 256, 264}) {
            byte[] data = new byte[n];
            for (int i = 0; i < n; i++) {
                data[i] = (byte) (i * 7);
            }
            assertArrayEquals(ChipStream.command(data), Pn532Frames.command(data), "n=" + n);
            boolean extended = n + 1 > 255;
            assertEquals(extended, (Pn532Frames.response(data)[3] & 0xFF) == 0xFF
                    && (Pn532Frames.response(data)[4] & 0xFF) == 0xFF, "n=" + n);
        }
        byte[] shortExtended = Pn532Frames.extended(Pn532Frames.TFI_CHIP, Hex.bytes("03"));
        assertEquals("00 00 FF FF FF 00 02 FE D5 03 28 00", Hex.of(shortExtended));
    }
}
