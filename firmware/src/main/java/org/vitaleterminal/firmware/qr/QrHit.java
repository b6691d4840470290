package org.vitaleterminal.firmware.qr;

import java.util.Objects;
import java.util.Optional;

/**
 * A decoded QR code: its text, which attempt of the strategy found it, and where it lies in the
 * frame (absent when it was found in a rotated copy). {@link #toString()} leaves the text out: a
 * credential's text carries personal data and must not reach a log line.
 *
 * @param text    the exact decoded text
 * @param attempt the name of the {@link QrAttempt} that found it (for telemetry and tuning)
 * @param bounds  the box around the code's finder and alignment patterns, in frame pixels
 */
public record QrHit(String text, String attempt, Optional<Bounds> bounds) {

    public QrHit {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(bounds, "bounds");
    }

    @Override
    public String toString() {
        return "QrHit[" + text.length() + " chars, attempt=" + attempt + ", bounds=" + bounds.orElse(null) + "]";
    }

    /** An axis-aligned box in frame pixels, right and bottom exclusive. */
    public record Bounds(int left, int top, int right, int bottom) {
        public Bounds {
            if (right <= left || bottom <= top) {
                throw new IllegalArgumentException("empty bounds " + left + "," + top + " " + right + "," + bottom);
            }
        }

        int width() {
            return right - left;
        }

        int height() {
            return bottom - top;
        }
    }
}
