package org.vitaleterminal.hal.indicator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which {@link Pattern} shows which {@link Signal}: the table in docs/configuration.md. Data, so
 * a deployment (or a test) can use other timings without touching the player.
 *
 * <p>The reactions to a scan are short and end dark, so the next person is not greeted by the
 * last one's result; the two states blink until replaced. The beeps are told apart by count and
 * length, for a counter where nobody looks at the LEDs.
 */
public final class Patterns {
    private static final Lights GREEN = new Lights(true, false, false);
    private static final Lights GREEN_BEEP = new Lights(true, false, true);
    private static final Lights AMBER = new Lights(true, true, false);
    private static final Lights AMBER_BEEP = new Lights(true, true, true);
    private static final Lights RED = new Lights(false, true, false);
    private static final Lights RED_BEEP = new Lights(false, true, true);

    private final Map<Signal, Pattern> bySignal;

    public Patterns(Map<Signal, Pattern> bySignal) {
        EnumMap<Signal, Pattern> copy = new EnumMap<>(Signal.class);
        copy.putAll(bySignal);
        for (Signal s : Signal.values()) {
            Objects.requireNonNull(copy.get(s), () -> "no pattern for " + s);
        }
        this.bySignal = copy;
    }

    public static Patterns standard() {
        EnumMap<Signal, Pattern> m = new EnumMap<>(Signal.class);
        m.put(Signal.ACCEPTED, Pattern.once("green, one short beep",
                Step.of(GREEN_BEEP, 150), Step.of(GREEN, 1850)));
        m.put(Signal.ACCEPTED_NO_OPEN_RIGHTS, Pattern.once("amber, two beeps",
                Step.of(AMBER_BEEP, 150), Step.of(AMBER, 150), Step.of(AMBER_BEEP, 150), Step.of(AMBER, 2550)));
        m.put(Signal.REJECTED, Pattern.once("red, one long beep",
                Step.of(RED_BEEP, 800), Step.of(RED, 2200)));
        m.put(Signal.WAITING_FOR_UNLOCK, Pattern.repeating("amber blinking",
                Step.of(AMBER, 500), Step.of(Lights.OFF, 500)));
        m.put(Signal.FAULT, Pattern.repeating("red blinking",
                Step.of(RED, 250), Step.of(Lights.OFF, 750)));
        m.put(Signal.IDLE, Pattern.once("all off"));
        return new Patterns(m);
    }

    public Pattern of(Signal signal) {
        return bySignal.get(Objects.requireNonNull(signal, "signal"));
    }
}
