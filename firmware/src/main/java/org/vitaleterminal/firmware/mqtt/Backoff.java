package org.vitaleterminal.firmware.mqtt;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after the n-th failure in a row, wait a uniformly random
 * time in [0, min(cap, base × 2^(n-1))]. The jitter spreads a fleet's reconnects after a broker
 * restart, so a thousand terminals do not knock at the same instant.
 */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        if (base.toMillis() <= 0 || cap.compareTo(base) < 0 || cap.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("need 1 ms <= base <= cap <= 1 day");
        }
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The ceiling of the wait after {@code failures} failures in a row (at least 1). */
    public Duration ceiling(int failures) {
        long capMillis = cap.toMillis();
        long ceiling = Math.min(base.toMillis(), capMillis);
        for (int i = 1; i < failures && ceiling < capMillis; i++) {
            ceiling = Math.min(capMillis, ceiling * 2);
        }
        return Duration.ofMillis(ceiling);
    }

    /** A random wait in [0, {@link #ceiling(int)}]. */
    public Duration delay(int failures) {
        return Duration.ofMillis(random.nextLong(ceiling(failures).toMillis() + 1));
    }
}
