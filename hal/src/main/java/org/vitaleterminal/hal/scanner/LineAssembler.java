package org.vitaleterminal.hal.scanner;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds lines one character at a time, for every kind of scanner. A line is delivered only when
 * it ends cleanly; a line that grows past the limit, or in which something could not be read,
 * is dropped whole when it ends and counted, so nothing downstream ever sees half a scan.
 * Empty lines (a lone Enter) are ignored without counting.
 *
 * <p>Used from the scanner's thread only.
 */
public final class LineAssembler {
    /** Enough for any VT1 or HC1 text a 2D scanner reads (a version 40 QR code holds 4296 alphanumerics). */
    public static final int DEFAULT_MAX_LENGTH = 4096;

    private final int maxLength;
    private final ScannerCounters counters;
    private final Consumer<String> out;
    private final StringBuilder line = new StringBuilder();
    private boolean overlong;
    private boolean garbled;

    public LineAssembler(int maxLength, ScannerCounters counters, Consumer<String> out) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maximum line length must be positive: " + maxLength);
        }
        this.maxLength = maxLength;
        this.counters = Objects.requireNonNull(counters, "counters");
        this.out = Objects.requireNonNull(out, "out");
    }

    public void append(char c) {
        if (overlong || garbled) {
            return; // the line is lost already: keep nothing of it
        }
        if (line.length() >= maxLength) {
            overlong = true;
            line.setLength(0);
            return;
        }
        line.append(c);
    }

    /** Something in this line could not be read: it will be dropped when it ends. */
    public void garble() {
        garbled = true;
        line.setLength(0);
    }

    /** The line ends (Enter, CR, LF): delivers it, or counts it as dropped. */
    public void endLine() {
        if (overlong) {
            counters.overlong();
        } else if (garbled) {
            counters.garbled();
        } else if (!line.isEmpty()) {
            String text = line.toString();
            counters.line();
            reset();
            out.accept(text);
            return;
        }
        reset();
    }

    /**
     * The input stopped in the middle of a line (device gone, stream cut): whatever was started
     * is dropped and counted as garbled, since its end was never seen.
     */
    public void abandon() {
        if (overlong) {
            counters.overlong();
        } else if (garbled || !line.isEmpty()) {
            counters.garbled();
        }
        reset();
    }

    private void reset() {
        line.setLength(0);
        overlong = false;
        garbled = false;
    }
}
