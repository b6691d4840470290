package org.vitaleterminal.firmware.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void theCeilingDoublesPerFailureUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(1));
        assertEquals(Duration.ofSeconds(1), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(2), backoff.ceiling(2));
        assertEquals(Duration.ofSeconds(32), backoff.ceiling(6));
        assertEquals(Duration.ofSeconds(60), backoff.ceiling(7));
        assertEquals(Duration.ofSeconds(60), backoff.ceiling(Integer.MAX_VALUE));
        assertEquals(Duration.ofSeconds(1), backoff.ceiling(0), "zero failures counts as one");
    }

    @Test
    void delaysAreSpreadOverTheWholeRange() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), new Random(42));
        Set<Long> seen = new HashSet<>();
        long max = 0;
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 2000; i++) {
            long millis = backoff.delay(8).toMillis();
            assertTrue(millis >= 0 && millis <= 10_000, "within [0, cap]: " + millis);
            seen.add(millis);
            max = Math.max(max, millis);
            min = Math.min(min, millis);
        }
        assertTrue(seen.size() > 1000, "full jitter, not a fixed delay: " + seen.size() + " distinct values");
        assertTrue(min < 1000 && max > 9000, "uses the low and the high end: " + min + ".." + max);
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()));
    }
}
