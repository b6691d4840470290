package org.vitaleterminal.firmware.mqtt;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after the n-th failure in a row, wait a uniformly random
 * time in [0, min(cap, base × 2^(n-1))]. The jitter spreads a fleet's reconnects after a broker
 * restart, so a thousand terminals do not knock at the same instant.
 */
public final class Backoff {
    /** The ceilings: hal's doubling backoff, the one the camera, scanner and NFC reader use. */
    private final org.vitaleterminal.hal.Backoff ceilings;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        if (base.toMillis() <= 0 || cap.compareTo(base) < 0 || cap.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("need 1 ms <= base <= cap <= 1 day");
        }
        this.ceilings = new org.vitaleterminal.hal.Backoff(base, cap);
        this.random = random;
    }

    /** The ceiling of the wait after {@code failures} failures in a row (at least 1). */
    public Duration ceiling(int failures) {
        return ceilings.delay(Math.max(1, failures));
    }

    /** A random wait in [0, {@link #ceiling(int)}]. */
    public Duration delay(int failures) {
        return Duration.ofMillis(random.nextLong(ceiling(failures).toMillis() + 1));
    }
}
