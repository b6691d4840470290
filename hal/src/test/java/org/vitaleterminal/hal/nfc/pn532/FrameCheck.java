package org.vitaleterminal.hal.nfc.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

/**
 * Checks a frame's arithmetic without the codec under test: the notes' vectors (and the
 * constructed ones) are recomputed here, so a vector with a wrong checksum fails loudly instead
 * of silently agreeing with a wrong codec.
 */
final class FrameCheck {
    private FrameCheck() {}

    /** Verifies preamble, start code, LCS, DCS and postamble; returns TFI..PDn. */
    static byte[] body(byte[] frame) {
        assertEquals(0x00, frame[0] & 0xFF, "preamble");
        assertEquals(0x00, frame[1] & 0xFF, "start code");
        assertEquals(0xFF, frame[2] & 0xFF, "start code");
        int header;
        int n;
        if ((frame[3] & 0xFF) == 0xFF && (frame[4] & 0xFF) == 0xFF) {
            n = ((frame[5] & 0xFF) << 8) | (frame[6] & 0xFF);
            assertEquals(0, ((frame[5] & 0xFF) + (frame[6] & 0xFF) + (frame[7] & 0xFF)) % 256, "extended LCS");
            header = 8;
        } else {
            n = frame[3] & 0xFF;
            assertEquals(0, (n + (frame[4] & 0xFF)) % 256, "LCS");
            header = 5;
        }
        int sum = 0;
        for (int i = header; i <= header + n; i++) {
            sum += frame[i] & 0xFF;
        }
        assertEquals(0, sum % 256, "DCS");
        assertEquals(header + n + 2, frame.length, "one postamble byte after DCS");
        assertEquals(0x00, frame[frame.length - 1] & 0xFF, "postamble");
        return Arrays.copyOfRange(frame, header, header + n);
    }
}
