package org.vitaleterminal.firmware.qr;

import java.time.Duration;

/**
 * How much time one decode may spend on fallbacks. The fast attempts always run; a fallback
 * starts only while time is left, so a decode overruns its budget by at most one attempt.
 *
 * <p>Camera frames get a time budget (a frame that takes longer only delays the next, fresher
 * one). Still images ({@code verify --image}, the blackbox test) get {@link #UNLIMITED}: the
 * attempt list itself is finite, and a time limit would make a result depend on machine load.
 */
public record DecodeBudget(long nanos) {
    public static final DecodeBudget UNLIMITED = new DecodeBudget(Long.MAX_VALUE);

    public DecodeBudget {
        if (nanos < 0) {
            throw new IllegalArgumentException("decode budget must not be negative: " + nanos + " ns");
        }
    }

    public static DecodeBudget of(Duration duration) {
        return new DecodeBudget(duration.toNanos());
    }

    /** True when {@code elapsed} nanoseconds leave no time for another attempt. */
    boolean spent(long elapsed) {
        return elapsed >= nanos;
    }
}
