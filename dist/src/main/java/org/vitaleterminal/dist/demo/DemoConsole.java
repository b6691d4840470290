package org.vitaleterminal.dist.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Where the demo writes, from several threads (the subscriber, the camera, the tapper): one line
 * at a time, each stamped with the local time; {@code --quiet} keeps only the event lines and
 * the summary.
 */
public final class DemoConsole {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final Clock clock;
    private final boolean quiet;

    public DemoConsole(PrintStream out, Clock clock, boolean quiet) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.quiet = quiet;
    }

    /** An FSE event: printed even with {@code --quiet}. */
    public void event(String line) {
        print(stamped(line));
    }

    /** What the demo is doing (a phone shown, a status message): not with {@code --quiet}. */
    public void info(String line) {
        if (!quiet) {
            print(stamped(line));
        }
    }

    /** A line without a time (headings, the summary). */
    public void plain(String line) {
        print(line);
    }

    /** The stream the console indicator writes its own lines to (nowhere with {@code --quiet}). */
    public PrintStream indicatorStream() {
        return quiet ? new PrintStream(PrintStream.nullOutputStream()) : out;
    }

    private String stamped(String line) {
        return LocalTime.now(clock).format(TIME) + " " + line;
    }

    private void print(String line) {
        synchronized (out) {
            out.println(line);
        }
    }
}
