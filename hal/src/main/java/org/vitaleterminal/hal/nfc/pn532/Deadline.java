package org.vitaleterminal.hal.nfc.pn532;

import java.time.Duration;

/**
 * A point in {@link TimeSource} time. Compares by difference, as {@link System#nanoTime()}
 * requires, and caps durations at about 70 years so that a caller's "wait forever" cannot wrap
 * around into the past.
 */
public record Deadline(TimeSource time, long atNanos) {
    private static final long LONGEST_NANOS = Long.MAX_VALUE / 4;

    public static Deadline after(TimeSource time, Duration duration) {
        return new Deadline(time, time.nanoTime() + cappedNanos(duration));
    }

    /** What is left, never negative. */
    public Duration remaining() {
        long left = atNanos - time.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean passed() {
        return atNanos - time.nanoTime() <= 0;
    }

    /** The later of this deadline and {@code duration} from now. */
    public Deadline atLeast(Duration duration) {
        Deadline other = after(time, duration);
        return other.atNanos - atNanos > 0 ? other : this;
    }

    private static long cappedNanos(Duration duration) {
        if (duration.isNegative()) {
            return 0;
        }
        if (duration.compareTo(Duration.ofNanos(LONGEST_NANOS)) > 0) {
            return LONGEST_NANOS;
        }
        return duration.toNanos();
    }
}
