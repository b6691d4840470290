package org.vitaleterminal.hal;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before trying a device again after failures in a row: {@code initial}, then
 * doubling after each failure, never more than {@code max}. A camera or scanner that was unplugged
 * is thus retried quickly at first and then every {@code max}, without a crash loop eating the
 * CPU. Each kind of device has its own default (the camera's in
 * {@link org.vitaleterminal.hal.camera.FrameSourceOptions#DEFAULT_BACKOFF}, the scanner's in
 * {@link org.vitaleterminal.hal.scanner.ScannerSources#DEFAULT_BACKOFF}).
 */
public record Backoff(Duration initial, Duration max) {

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
