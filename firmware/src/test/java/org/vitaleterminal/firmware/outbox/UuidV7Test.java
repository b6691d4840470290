package org.vitaleterminal.firmware.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UuidV7Test {
    /** The eventId pattern of docs/fse-event.schema.json. */
    private static final Pattern SCHEMA_PATTERN =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    private static final Instant T = Instant.parse("2026-11-27T10:25:00.412Z");

    @Test
    void bitLayoutIsRfc9562Version7() {
        UuidV7 ids = new UuidV7(new TestClock(T), new SplittableRandom(1));
        for (int i = 0; i < 1000; i++) {
            UUID id = ids.next();
            assertEquals(7, id.version());
            assertEquals(2, id.variant()); // binary 10: the RFC 9562 variant
            // 1000 ids fit the counter (its first value is below 0x800), so all carry T
            assertEquals(T.toEpochMilli(), UuidV7.unixMillis(id));
            assertEquals(T.toEpochMilli(), Long.parseLong(id.toString().replace("-", "").substring(0, 12), 16));
            assertTrue(SCHEMA_PATTERN.matcher(id.toString()).matches(), id.toString());
        }
    }

    @Test
    void timestampIsTheClocksMillisecond() {
        TestClock clock = new TestClock(Instant.ofEpochMilli(0x0123_4567_89ABL));
        UUID id = new UuidV7(clock, new SplittableRandom(2)).next();
        assertTrue(id.toString().startsWith("01234567-89ab-7"), id.toString());
    }

    @Test
    void randomBitsComeFromTheInjectedGenerator() {
        TestClock clock = new TestClock(T);
        assertEquals(new UuidV7(clock, new SplittableRandom(7)).next(), new UuidV7(clock, new SplittableRandom(7)).next());
        assertNotEquals(new UuidV7(clock, new SplittableRandom(7)).next(), new UuidV7(clock, new SplittableRandom(8)).next());
    }

    @Test
    void idsIncreaseWithinOneMillisecondAndBeyondTheCounter() {
        UuidV7 ids = new UuidV7(new TestClock(T), new SplittableRandom(3));
        String previous = ids.nextString();
        Set<String> seen = new HashSet<>(Set.of(previous));
        for (int i = 0; i < 10_000; i++) { // more than the 12-bit counter holds
            String id = ids.nextString();
            assertTrue(id.compareTo(previous) > 0, previous + " then " + id);
            assertTrue(seen.add(id));
            previous = id;
        }
    }

    @Test
    void idsKeepIncreasingWhenTheClockGoesBack() {
        TestClock clock = new TestClock(T);
        UuidV7 ids = new UuidV7(clock, new SplittableRandom(4));
        String before = ids.nextString();
        clock.advance(Duration.ofSeconds(-30));
        String after = ids.nextString();
        assertTrue(after.compareTo(before) > 0);
        clock.advance(Duration.ofSeconds(60));
        String later = ids.nextString();
        assertTrue(later.compareTo(after) > 0);
        assertEquals(T.plusSeconds(30).toEpochMilli(), UuidV7.unixMillis(UUID.fromString(later)));
    }

    @Test
    void aClockBeforeTheEpochIsRefused() {
        UuidV7 ids = new UuidV7(new TestClock(Instant.parse("1969-12-31T23:59:59Z")), new SplittableRandom(5));
        assertThrows(IllegalStateException.class, ids::next);
        assertThrows(IllegalArgumentException.class, () -> UuidV7.unixMillis(UUID.randomUUID()));
    }
}
