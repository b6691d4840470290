package org.vitaleterminal.dist.demo;

import java.time.Duration;

/**
 * How fast the demo's patients come: each phone is held to the camera for 60% of a scenario's
 * time, then the view stays empty for the rest (long enough for the terminal's debouncer to
 * forget it); a phone is tapped on the reader every two and a half scenarios.
 *
 * @param scenario one camera scenario, phone shown plus gap
 * @param fps      the virtual camera's frame rate
 */
public record DemoPace(Duration scenario, int fps) {
    /** Default: 4 s per scenario, 8 scenarios: one camera cycle in 32 s. */
    public static final DemoPace DEFAULT = new DemoPace(Duration.ofSeconds(4), 15);

    public DemoPace {
        if (scenario.compareTo(Duration.ofSeconds(1)) < 0 || scenario.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("a scenario lasts 1 to 60 s, got " + scenario.toMillis() + " ms");
        }
    }

    public static DemoPace ofSeconds(double seconds) {
        return new DemoPace(Duration.ofMillis(Math.round(seconds * 1000)), DEFAULT.fps());
    }

    int shownFrames() {
        return Math.max(1, (int) Math.round(scenario.toMillis() * 0.6 * fps / 1000));
    }

    int gapFrames() {
        return Math.max(1, (int) Math.round(scenario.toMillis() * 0.4 * fps / 1000));
    }

    /** Time between two taps on the NFC reader. */
    Duration tapEvery() {
        return scenario.multipliedBy(5).dividedBy(2);
    }
}
