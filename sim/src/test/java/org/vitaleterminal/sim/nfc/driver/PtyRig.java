package org.vitaleterminal.sim.nfc.driver;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.pn532.Pn532Config;
import org.vitaleterminal.hal.nfc.pn532.Pn532NfcReader;
import org.vitaleterminal.hal.nfc.pn532.Pn532Readers;
import org.vitaleterminal.sim.nfc.chip.Pn532Timing;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;
import org.vitaleterminal.sim.nfc.host.Pn532Pty;

/**
 * The real driver opened from a {@code pn532:uart:/dev/pts/N} URI on the virtual chip's
 * pseudo-terminal. The chip keeps its last trace lines for failure messages. Closing closes the
 * reader, then the pseudo-terminal (which joins its serving thread).
 */
final class PtyRig implements AutoCloseable {
    private static final int TRACE_LINES = 60;

    final VirtualPn532 chip;
    final Pn532Pty pty;
    final Pn532NfcReader reader;
    private final Deque<String> trace = new ArrayDeque<>();

    private PtyRig(Pn532Timing timing, boolean paced, Pn532Config config) throws IOException, NfcException {
        chip = VirtualPn532.builder().timing(timing).trace(this::traced).build();
        pty = Pn532Pty.open(chip, paced);
        Pn532NfcReader opened = null;
        try {
            opened = config == null ? Pn532Readers.open("pn532:uart:" + pty.slavePath())
                    : Pn532Readers.open("pn532:uart:" + pty.slavePath(), config);
        } finally {
            if (opened == null) {
                pty.close();
            }
        }
        reader = opened;
    }

    static PtyRig open() throws IOException, NfcException {
        return new PtyRig(Pn532Timing.realistic(), false, null);
    }

    static PtyRig open(Pn532Config config) throws IOException, NfcException {
        return new PtyRig(Pn532Timing.realistic(), false, config);
    }

    private void traced(String line) {
        synchronized (trace) {
            if (trace.size() == TRACE_LINES) {
                trace.removeFirst();
            }
            trace.addLast(line);
        }
    }

    /** The chip's last trace lines, for assertion messages. */
    String trace() {
        synchronized (trace) {
            return String.join("\n", trace);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            pty.close();
        }
    }
}
