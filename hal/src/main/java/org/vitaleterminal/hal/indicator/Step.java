package org.vitaleterminal.hal.indicator;

import java.time.Duration;
import java.util.Objects;

/** One step of a {@link Pattern}: these lights, for this long. */
public record Step(Lights lights, Duration duration) {
    public Step {
        Objects.requireNonNull(lights, "lights");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a step lasts a positive time: " + duration);
        }
    }

    public static Step of(Lights lights, long millis) {
        return new Step(lights, Duration.ofMillis(millis));
    }
}
