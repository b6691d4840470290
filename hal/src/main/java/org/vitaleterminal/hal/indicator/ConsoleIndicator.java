package org.vitaleterminal.hal.indicator;

import java.io.PrintStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * {@code indicator=console}: one line per signal, for a terminal without LEDs, the demo and
 * support sessions, e.g. {@code 2026-11-27T10:25:10Z indicator ACCEPTED: green, one short beep}.
 * Signals carry no personal data, so neither do these lines.
 */
public final class ConsoleIndicator implements Indicator {
    private final PrintStream out;
    private final Clock clock;
    private final Patterns patterns;

    public ConsoleIndicator(PrintStream out, Clock clock, Patterns patterns) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.patterns = Objects.requireNonNull(patterns, "patterns");
    }

    @Override
    public void show(Signal signal) {
        String line = clock.instant().truncatedTo(ChronoUnit.SECONDS) + " indicator " + signal + ": "
                + patterns.of(signal).summary();
        synchronized (out) {
            out.println(line);
        }
    }

    @Override
    public String describe() {
        return "console";
    }

    @Override
    public void close() {
        out.flush();
    }
}
