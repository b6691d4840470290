package org.vitaleterminal.hal.camera;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before restarting a failed capture: {@code initial}, then doubling after each
 * failure in a row, never more than {@code max}. A camera that was unplugged is thus retried
 * quickly at first and then every {@code max}, without a crash loop eating the CPU.
 */
public record Backoff(Duration initial, Duration max) {
    /** 0.5 s, 1 s, 2 s … up to 30 s. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The wait after the {@code failuresInARow}-th failure in a row (1 for the first). */
    public Duration delay(int failuresInARow) {
        Duration delay = initial;
        for (int i = 1; i < failuresInARow && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
