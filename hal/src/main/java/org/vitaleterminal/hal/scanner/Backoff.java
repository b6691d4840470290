package org.vitaleterminal.hal.scanner;

import java.time.Duration;

/**
 * The pause before the n-th attempt in a row to open a device again: doubles from
 * {@code first} up to {@code max}. A USB scanner plugged back in is found within {@code max},
 * and a missing one costs a few cheap open() calls a minute.
 */
public record Backoff(Duration first, Duration max) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("bad backoff " + first + ".." + max);
        }
    }

    /** @param failures attempts that failed in a row so far, at least 1 */
    public Duration delay(int failures) {
        Duration d = first;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
