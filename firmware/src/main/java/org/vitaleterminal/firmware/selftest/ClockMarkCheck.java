package org.vitaleterminal.firmware.selftest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.vitaleterminal.firmware.state.ClockHighWaterMark;
import org.vitaleterminal.firmware.state.StateException;

/**
 * The clock is not below the terminal's high-water mark (the latest time it has seen): below it,
 * the terminal refuses every scan with {@code CLOCK_UNTRUSTED}. The mark is only read, never
 * raised or written: that is the running terminal's job.
 */
public final class ClockMarkCheck implements Check {
    private final Path stateDir;
    private final Clock clock;

    public ClockMarkCheck(Path stateDir, Clock clock) {
        this.stateDir = stateDir;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "clock";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public CheckResult run() {
        Path file = stateDir.resolve(ClockHighWaterMark.FILE_NAME);
        Instant now = clock.instant();
        Instant shown = now.truncatedTo(ChronoUnit.SECONDS);
        Instant mark;
        // open() only reads the file; neither check() nor close() is called, so nothing is written
        try {
            mark = ClockHighWaterMark.open(file, clock).mark();
        } catch (StateException e) {
            return CheckResult.fail(e.getMessage(), "the file is damaged: stop the service, move it aside "
                    + "(the terminal starts a new mark) once the clock is right (timedatectl), start the service");
        }
        if (mark == null) {
            return CheckResult.pass(shown + " (no high-water mark yet: a new terminal)");
        }
        if (now.plus(ClockHighWaterMark.DEFAULT_TOLERANCE).isBefore(mark)) {
            return CheckResult.fail("clock reads " + shown + ", below the high-water mark " + mark
                    + ": every scan is refused CLOCK_UNTRUSTED", "let NTP set the clock: connect the network and "
                    + "check timedatectl timesync-status (an RTC-less Pi restarts in the past after power-off)");
        }
        return CheckResult.pass(shown + ", above the high-water mark " + mark);
    }
}
