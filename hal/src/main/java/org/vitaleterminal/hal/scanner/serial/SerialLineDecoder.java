package org.vitaleterminal.hal.scanner.serial;

import java.util.Objects;
import org.vitaleterminal.hal.scanner.LineAssembler;
import org.vitaleterminal.hal.scanner.StreamDecoder;

/**
 * Lines from a scanner in serial (USB-CDC) mode: printable ASCII ended by CR, LF or CR LF. A CR
 * followed by LF ends one line, not two, even when the LF comes in the next read.
 *
 * <p>Any other byte (a control character, a byte of 0x80 or above: line noise, a wrong baud
 * rate, a scanner set to add STX/ETX or a Tab) garbles its line, which is then dropped. VT1 and
 * HC1 texts are Base45, plain printable ASCII.
 */
public final class SerialLineDecoder implements StreamDecoder {
    private static final int CR = '\r';
    private static final int LF = '\n';

    private final LineAssembler lines;
    private boolean afterCr;

    public SerialLineDecoder(LineAssembler lines) {
        this.lines = Objects.requireNonNull(lines, "lines");
    }

    @Override
    public void decode(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            int b = data[i] & 0xFF;
            boolean lfAfterCr = b == LF && afterCr;
            afterCr = b == CR;
            if (lfAfterCr) {
                continue;
            }
            if (b == CR || b == LF) {
                lines.endLine();
            } else if (b >= 0x20 && b <= 0x7E) {
                lines.append((char) b);
            } else {
                lines.garble();
            }
        }
    }

    @Override
    public void deviceLost() {
        afterCr = false;
        lines.abandon();
    }
}
