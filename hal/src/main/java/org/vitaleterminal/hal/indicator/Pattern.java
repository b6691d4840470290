package org.vitaleterminal.hal.indicator;

import java.util.List;
import java.util.Objects;

/**
 * Timed steps of lights. A one-shot pattern plays once and then switches everything off; a
 * repeating one loops until another signal replaces it. No steps = everything off at once.
 *
 * @param summary for the console and docs, e.g. "green, one short beep"
 */
public record Pattern(String summary, List<Step> steps, boolean repeating) {
    public Pattern {
        Objects.requireNonNull(summary, "summary");
        steps = List.copyOf(steps);
        if (repeating && steps.isEmpty()) {
            throw new IllegalArgumentException("a repeating pattern needs steps");
        }
    }

    public static Pattern once(String summary, Step... steps) {
        return new Pattern(summary, List.of(steps), false);
    }

    public static Pattern repeating(String summary, Step... steps) {
        return new Pattern(summary, List.of(steps), true);
    }
}
