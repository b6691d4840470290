package org.vitaleterminal.hal.nfc.pn532;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Host frames built by the codec, compared byte for byte with the transcripts of pn532.md §4.7
 * (and §3.2, §5.3). Each vector's checksums are first recomputed by {@link FrameCheck}, so a
 * wrong vector cannot agree with a wrong codec.
 */
class Pn532FramesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GetFirmwareVersion        | 02                                            | 00 00 FF 02 FE D4 02 2A 00
            SAMConfiguration (nfcpy)  | 14 01 00 00                                   | 00 00 FF 05 FB D4 14 01 00 00 17 00
            SAMConfiguration (libnfc) | 14 01                                         | 00 00 FF 03 FD D4 14 01 17 00
            InListPassiveTarget 106A  | 4A 01 00                                      | 00 00 FF 04 FC D4 4A 01 00 E1 00
            InDataExchange            | 40 01 31 32                                   | 00 00 FF 05 FB D4 40 01 31 32 88 00
            Generic frame             | 00 31 32 33                                   | 00 00 FF 05 FB D4 00 31 32 33 96 00
            SELECT via InDataExchange | 40 01 00 A4 04 00 07 F0 01 02 03 04 05 06 00  | 00 00 FF 10 F0 D4 40 01 00 A4 04 00 07 F0 01 02 03 04 05 06 00 37 00
            Diagnose libnfc           | 00 00 6C 69 62 6E 66 63                       | 00 00 FF 09 F7 D4 00 00 6C 69 62 6E 66 63 BE 00
            """)
    void hostFramesMatchTheTranscripts(String name, String command, String frame) {
        byte[] expected = Hex.bytes(frame);
        assertArrayEquals(Hex.concat(new byte[] {(byte) 0xD4}, Hex.bytes(command)), FrameCheck.body(expected));
        assertEquals(Hex.of(expected), Hex.of(Pn532Frames.hostCommand(Hex.bytes(command))));
    }

    @Test
    void powerDownFrameIsRecomputed() {
        byte[] frame = Pn532Frames.hostCommand(Hex.bytes("16 B0 00"));
        assertArrayEquals(Hex.bytes("D4 16 B0 00"), FrameCheck.body(frame));
        // LEN 4, LCS FC; DCS = -(D4+16+B0+00) = -0x19A = 0x66
        assertEquals("00 00 FF 04 FC D4 16 B0 00 66 00", Hex.of(frame));
    }

    @Test
    void extendedFrameTestMatchesTheTranscript() {
        byte[] data = new byte[1 + 3 + 256];
        data[0] = 0x00;
        System.arraycopy("123".getBytes(StandardCharsets.US_ASCII), 0, data, 1, 3);
        byte[] expected = Hex.concat(Hex.bytes("00 00 FF FF FF 01 05 FA D4 00 31 32 33"), new byte[256],
                Hex.bytes("96 00"));
        FrameCheck.body(expected);
        assertArrayEquals(expected, Pn532Frames.hostCommand(data));
    }

    @Test
    void diagnoseLineTestUsesAnExtendedFrameOfLength0x109() {
        byte[] data = new byte[3 + 262];
        data[0] = 0x00; // Diagnose
        data[1] = 0x00; // NumTst 0: communication line test
        for (int i = 0; i < 262; i++) {
            data[2 + i] = (byte) i; // 00..FF then 00..05
        }
        byte[] frame = Pn532Frames.hostCommand(Arrays.copyOfRange(data, 0, 264));
        assertEquals("00 00 FF FF FF 01 09 F6", Hex.of(Arrays.copyOf(frame, 8)));
        byte[] body = FrameCheck.body(frame);
        assertEquals(0x109, body.length);
        assertEquals(Pn532Frames.frameLength(264), frame.length);
    }

    @Test
    void theExtendedFormStartsAbove254DataBytes() {
        byte[] normal = Pn532Frames.hostCommand(new byte[254]);
        assertEquals(0xFF, normal[3] & 0xFF, "LEN 255 still fits a normal frame");
        assertEquals(0x01, normal[4] & 0xFF);
        FrameCheck.body(normal);
        assertEquals(Pn532Frames.frameLength(254), normal.length);

        byte[] extended = Pn532Frames.hostCommand(new byte[255]);
        assertEquals("00 00 FF FF FF 01 00 FF", Hex.of(Arrays.copyOf(extended, 8)));
        FrameCheck.body(extended);
        assertEquals(Pn532Frames.frameLength(255), extended.length);
    }

    @Test
    void framesLongerThanTheFirmwareAcceptsAreRefused() {
        Pn532Frames.hostCommand(new byte[264]);
        assertThrows(IllegalArgumentException.class, () -> Pn532Frames.hostCommand(new byte[265]));
    }

    @Test
    void specialFrames() {
        assertEquals("00 00 FF 00 FF 00", Hex.of(Pn532Frames.ack()));
        assertEquals("00 00 FF FF 00 00", Hex.of(Pn532Frames.nack()));
        assertEquals("00 00 FF 01 FF 7F 81 00", Hex.of(Pn532Frames.applicationError()));
        FrameCheck.body(Pn532Frames.applicationError());
        // callers get copies: mutating one cannot change the next
        Pn532Frames.ack()[3] = 0x42;
        assertEquals("00 00 FF 00 FF 00", Hex.of(Pn532Frames.ack()));
    }

    @Test
    void chipFramesEncodeWithTfiD5() {
        assertEquals("00 00 FF 06 FA D5 03 32 01 06 07 E8 00",
                Hex.of(Pn532Frames.information(Pn532Frames.TFI_CHIP, Hex.bytes("03 32 01 06 07"))));
    }
}
