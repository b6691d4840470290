package org.vitaleterminal.firmware.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The latest time the terminal has seen, kept in {@code state.dir} so that a clock restarted in
 * the past (a Pi without RTC restores its last {@code fake-hwclock} save, or 1970, until NTP
 * syncs) is not trusted: while the clock reads below the mark, {@link #check} answers false and
 * the terminal rejects every scan with {@code CLOCK_UNTRUSTED} instead of judging expiry and
 * freshness against a wrong date.
 *
 * <p>The mark only goes up. It is raised in memory at each check and written to its file (one
 * line, {@code vt.clock-high-water/1 <ISO-8601 instant>}, replaced atomically) at most every
 * {@code persistEvery} and on {@link #close}, so a power cut loses at most that much. A small
 * {@code tolerance} lets NTP step the clock back by a few seconds without a refusal. A file that
 * cannot be read or parsed is an error naming it: guessing a mark would defeat its purpose.
 */
public final class ClockHighWaterMark implements AutoCloseable {
    public static final String FILE_NAME = "clock-high-water";
    public static final Duration DEFAULT_PERSIST_EVERY = Duration.ofMinutes(1);
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(10);
    private static final String FORMAT = "vt.clock-high-water/1";

    private final Path file;
    private final Clock clock;
    private final Duration persistEvery;
    private final Duration tolerance;
    private Instant mark;
    private Instant persisted;

    private ClockHighWaterMark(Path file, Clock clock, Duration persistEvery, Duration tolerance, Instant mark) {
        this.file = file;
        this.clock = clock;
        this.persistEvery = persistEvery;
        this.tolerance = tolerance;
        this.mark = mark;
        this.persisted = mark;
    }

    /**
     * Reads the mark from {@code file}; a missing file (a new terminal) means no mark yet.
     *
     * @throws StateException naming the file when it exists but cannot be read or parsed
     */
    public static ClockHighWaterMark open(Path file, Clock clock, Duration persistEvery, Duration tolerance) {
        Objects.requireNonNull(clock, "clock");
        if (persistEvery.isNegative() || tolerance.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        return new ClockHighWaterMark(file, clock, persistEvery, tolerance, read(file));
    }

    public static ClockHighWaterMark open(Path file, Clock clock) {
        return open(file, clock, DEFAULT_PERSIST_EVERY, DEFAULT_TOLERANCE);
    }

    /**
     * Whether the clock can be trusted now: not below the mark (less the tolerance). A trusted
     * reading raises the mark, and writes it when the last write is {@code persistEvery} old.
     *
     * @throws StateException when the mark is due to be written and cannot be
     */
    public synchronized boolean check() {
        Instant now = clock.instant();
        if (mark != null && now.plus(tolerance).isBefore(mark)) {
            return false;
        }
        if (mark == null || now.isAfter(mark)) {
            mark = now;
        }
        if (persisted == null || !Duration.between(persisted, mark).minus(persistEvery).isNegative()) {
            persist();
        }
        return true;
    }

    /** The mark, or {@code null} before the first trusted reading of a new terminal. */
    public synchronized Instant mark() {
        return mark;
    }

    /** Writes the mark if it moved since the last write. */
    public synchronized void persist() {
        if (mark == null || mark.equals(persisted)) {
            return;
        }
        try {
            AtomicFiles.write(file, (FORMAT + " " + mark + "\n").getBytes(StandardCharsets.US_ASCII));
            persisted = mark;
        } catch (IOException e) {
            throw new StateException("cannot write the clock high-water mark " + file + " (" + e + ")", e);
        }
    }

    /** Writes the mark (at shutdown). */
    @Override
    public void close() {
        persist();
    }

    private static Instant read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StateException("cannot read the clock high-water mark " + file + " (" + e + ")", e);
        }
        String[] words = text.strip().split(" ");
        try {
            if (words.length == 2 && words[0].equals(FORMAT)) {
                return Instant.parse(words[1]);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new StateException("clock high-water mark " + file + ": expected one line '" + FORMAT
                + " <ISO-8601 instant>' (e.g. " + FORMAT + " 2026-11-27T10:25:00Z)");
    }
}
