package org.vitaleterminal.firmware.systemd;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A liveness check a loop keeps alive by calling {@link #beat()} on every turn. "Thread is
 * running" is not enough for a watchdog: a loop blocked on a device or a lock is running but
 * stuck; it simply stops beating, and after {@code maxSilence} the heartbeat counts as dead.
 *
 * <p>Time comes from a monotonic nanosecond ticker ({@code System::nanoTime} in production), so
 * wall-clock jumps (NTP sync after a cold boot without RTC) do not fake a stall.
 */
public final class Heartbeat implements LivenessCheck {
    private final String name;
    private final long maxSilenceNanos;
    private final LongSupplier nanoTicker;
    private volatile long lastBeat;

    /** A heartbeat that counts as having beaten now. */
    public Heartbeat(String name, Duration maxSilence, LongSupplier nanoTicker) {
        this.name = Objects.requireNonNull(name, "name");
        if (maxSilence.isNegative() || maxSilence.isZero()) {
            throw new IllegalArgumentException("maxSilence must be positive, got " + maxSilence);
        }
        this.maxSilenceNanos = maxSilence.toNanos();
        this.nanoTicker = Objects.requireNonNull(nanoTicker, "nanoTicker");
        this.lastBeat = nanoTicker.getAsLong();
    }

    /** Records progress; called by the component's own loop. */
    public void beat() {
        lastBeat = nanoTicker.getAsLong();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean alive() {
        // Compare by difference: nanoTime values may be negative or wrap.
        return nanoTicker.getAsLong() - lastBeat <= maxSilenceNanos;
    }
}
