package org.vitaleterminal.hal.scanner.evdev;

import java.util.Objects;
import org.vitaleterminal.hal.scanner.LineAssembler;
import org.vitaleterminal.hal.scanner.StreamDecoder;

/**
 * Cuts the bytes read from an event device into {@code struct input_event} records (a read may
 * end inside one) and hands them to a {@link KeyEventDecoder}. A record cut short by the end of
 * the stream is thrown away, and so is the line it was part of.
 */
public final class EvdevDecoder implements StreamDecoder {
    private final EventRecordLayout recordLayout;
    private final KeyEventDecoder keys;
    private final LineAssembler lines;
    private final byte[] record;
    private int filled;

    public EvdevDecoder(EventRecordLayout recordLayout, KeyboardLayout keyboard, LineAssembler lines) {
        this.recordLayout = Objects.requireNonNull(recordLayout, "recordLayout");
        this.lines = Objects.requireNonNull(lines, "lines");
        this.keys = new KeyEventDecoder(keyboard, lines);
        this.record = new byte[recordLayout.size()];
    }

    @Override
    public void decode(byte[] data, int length) {
        int at = 0;
        while (at < length) {
            int n = Math.min(record.length - filled, length - at);
            System.arraycopy(data, at, record, filled, n);
            filled += n;
            at += n;
            if (filled == record.length) {
                filled = 0;
                keys.accept(recordLayout.decode(record, 0));
            }
        }
    }

    @Override
    public void deviceLost() {
        filled = 0;
        keys.reset();
        lines.abandon();
    }
}
