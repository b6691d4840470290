package org.vitaleterminal.firmware.outbox;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * UUID version 7 (RFC 9562 §5.7): 48 bits of Unix milliseconds from the injected clock, the
 * version nibble {@code 7}, 12 bits {@code rand_a}, the variant bits {@code 10} and 62 random
 * bits {@code rand_b}.
 *
 * <p>Ids from one generator are strictly increasing (RFC 9562 §6.2, method 1): within one
 * millisecond, or when the clock steps back, {@code rand_a} is used as a counter on top of the
 * last timestamp instead of a fresh random value. Its first value in a new millisecond is random
 * below {@code 0x800}, so at least 2048 ids fit in one millisecond before the counter borrows the
 * next one. Event ids are deduplication keys for the back end; this order is a convenience for
 * people reading them, {@code seq} is the order that counts.
 */
public final class UuidV7 {
    private static final long MAX_UNIX_MS = (1L << 48) - 1;
    private static final int RAND_A_MAX = 0xFFF;

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private int lastRandA;

    /**
     * @param random the source of the random bits; a {@link java.security.SecureRandom} on the
     *               terminal, so ids cannot be guessed from one another
     */
    public UuidV7(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public synchronized UUID next() {
        long now = clock.millis();
        if (now < 0 || now > MAX_UNIX_MS) {
            throw new IllegalStateException("clock outside the UUIDv7 range: " + now + " ms");
        }
        if (now > lastMillis) {
            lastMillis = now;
            lastRandA = random.nextInt(RAND_A_MAX / 2 + 1);
        } else if (lastRandA < RAND_A_MAX) {
            lastRandA++; // same millisecond, or the clock went back: count on the last timestamp
        } else {
            lastMillis++;
            lastRandA = random.nextInt(RAND_A_MAX / 2 + 1);
        }
        long mostSignificant = lastMillis << 16 | 0x7000L | lastRandA;
        long leastSignificant = random.nextLong() >>> 2 | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    /** The next id in the canonical lower-case text form used in events. */
    public String nextString() {
        return next().toString();
    }

    /** The Unix milliseconds stored in a version 7 UUID. */
    public static long unixMillis(UUID uuid) {
        if (uuid.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID");
        }
        return uuid.getMostSignificantBits() >>> 16;
    }
}
