package org.vitaleterminal.bench.qr;

import java.util.Locale;

/**
 * One decoder's outcome on the images of one bucket. A misread is a decoded text different from
 * the one shown, the one outcome a terminal must never have.
 */
public final class Tally {
    private int exact;
    private int misread;
    private int missed;

    void record(Outcome outcome) {
        switch (outcome) {
            case EXACT -> exact++;
            case MISREAD -> misread++;
            case MISSED -> missed++;
        }
    }

    public int exact() {
        return exact;
    }

    public int misread() {
        return misread;
    }

    public int total() {
        return exact + misread + missed;
    }

    /** Exact reads / images, 0 when empty. */
    public double rate() {
        return total() == 0 ? 0 : (double) exact / total();
    }

    /** e.g. {@code 19/20} or {@code 18/20 !1} (one misread). */
    public String cell() {
        return String.format(Locale.ROOT, "%d/%d", exact, total()) + (misread > 0 ? " !" + misread : "");
    }

    public enum Outcome {
        EXACT, MISREAD, MISSED;

        /** Classifies what a decoder returned for an image showing {@code expected}. */
        static Outcome of(String expected, java.util.List<String> decoded) {
            if (decoded.isEmpty()) {
                return MISSED;
            }
            return decoded.stream().allMatch(expected::equals) ? EXACT : MISREAD;
        }
    }
}
