package org.vitaleterminal.firmware.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.firmware.outbox.TestClock;

class ClockHighWaterMarkTest {
    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(T);

    private Path file() {
        return dir.resolve(ClockHighWaterMark.FILE_NAME);
    }

    private ClockHighWaterMark open() {
        return ClockHighWaterMark.open(file(), clock, Duration.ofMinutes(1), Duration.ofSeconds(10));
    }

    @Test
    void aNewTerminalTrustsItsClockAndWritesTheFirstMark() throws Exception {
        ClockHighWaterMark mark = open();
        assertNull(mark.mark());
        assertTrue(mark.check());
        assertEquals(T, mark.mark());
        assertEquals("vt.clock-high-water/1 2026-11-27T10:00:00Z\n", Files.readString(file()));
        assertFalse(Files.exists(dir.resolve(ClockHighWaterMark.FILE_NAME + ".tmp")));
    }

    @Test
    void theMarkIsWrittenPeriodicallyAndOnClose() throws Exception {
        ClockHighWaterMark mark = open();
        mark.check();
        clock.advance(Duration.ofSeconds(30));
        assertTrue(mark.check());
        assertEquals(T.plusSeconds(30), mark.mark());
        assertTrue(Files.readString(file()).contains("10:00:00Z"), "not written before a minute has passed");
        clock.advance(Duration.ofSeconds(31));
        mark.check();
        assertTrue(Files.readString(file()).contains("10:01:01Z"));
        clock.advance(Duration.ofSeconds(5));
        mark.check();
        mark.close();
        assertTrue(Files.readString(file()).contains("10:01:06Z"));
    }

    @Test
    void aClockRestartedInThePastIsNotTrustedUntilItPassesTheMark() throws Exception {
        ClockHighWaterMark before = open();
        before.check();
        clock.advance(Duration.ofHours(2));
        before.check();
        before.close();

        clock.set(T.minus(Duration.ofDays(3))); // fake-hwclock restored an old save
        ClockHighWaterMark after = open();
        assertEquals(T.plus(Duration.ofHours(2)), after.mark());
        assertFalse(after.check());
        assertEquals(T.plus(Duration.ofHours(2)), after.mark(), "an untrusted reading never lowers the mark");
        assertTrue(Files.readString(file()).contains("12:00:00Z"));

        clock.set(T.plus(Duration.ofHours(2)).minusSeconds(5)); // NTP stepped back a little: tolerated
        assertTrue(after.check());
        assertEquals(T.plus(Duration.ofHours(2)), after.mark());
        clock.set(T.plus(Duration.ofHours(2)).minusSeconds(11));
        assertFalse(after.check());
        clock.set(T.plus(Duration.ofHours(3))); // synchronised again
        assertTrue(after.check());
        assertEquals(T.plus(Duration.ofHours(3)), after.mark());
    }

    @Test
    void anUnreadableMarkIsAnErrorNamingTheFileNotAGuess() throws Exception {
        for (String content : new String[] {"", "garbage", "vt.clock-high-water/1 yesterday", "2026-11-27T10:00:00Z"}) {
            Files.writeString(file(), content);
            StateException refused = assertThrows(StateException.class, this::open);
            assertTrue(refused.getMessage().contains(file().toString()) && refused.getMessage().contains("ISO-8601"),
                    refused.getMessage());
            assertEquals(content, Files.readString(file()));
        }
    }
}
