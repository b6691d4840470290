package org.vitaleterminal.firmware.run;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.indicator.Signal;

/**
 * Keeps the red blink ({@link Signal#FAULT}) on while the terminal cannot serve — a configured
 * device in fault, no usable trust list, an untrusted clock — and switches it off when it can
 * again. Every other signal passes through it to the real indicator: a decision's pattern plays
 * in full, and the blink comes back once it is over ({@link #SETTLE} after it started); a phone
 * waiting for its holder keeps its amber blink.
 *
 * <p>{@link #check()} is called periodically (once a second) by the terminal; {@code cannotServe}
 * must be cheap and must not throw. Thread-safe: decisions, inputs and the check call it concurrently.
 */
final class FaultLight implements Indicator {
    /** Longer than the longest decision pattern (3 s): the blink never cuts one short. */
    static final Duration SETTLE = Duration.ofMillis(3_500);

    private final Indicator lights;
    private final BooleanSupplier cannotServe;
    private final LongSupplier nanoTime;
    private Signal showing = Signal.IDLE;
    private long shownAt;

    FaultLight(Indicator lights, BooleanSupplier cannotServe, LongSupplier nanoTime) {
        this.lights = Objects.requireNonNull(lights, "lights");
        this.cannotServe = Objects.requireNonNull(cannotServe, "cannotServe");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.shownAt = nanoTime.getAsLong() - SETTLE.toNanos();
    }

    @Override
    public synchronized void show(Signal signal) {
        showing = signal;
        shownAt = nanoTime.getAsLong();
        lights.show(signal);
    }

    /** Shows or clears the fault blink after the terminal's condition. */
    synchronized void check() {
        boolean faulty = cannotServe.getAsBoolean();
        if (faulty && showing != Signal.FAULT && showing != Signal.WAITING_FOR_UNLOCK
                && nanoTime.getAsLong() - shownAt >= SETTLE.toNanos()) {
            show(Signal.FAULT);
        } else if (!faulty && showing == Signal.FAULT && nanoTime.getAsLong() - shownAt >= SETTLE.toNanos()) {
            show(Signal.IDLE); // a decision's own FAULT (the outbox refused it) also stays on a moment
        }
    }

    @Override
    public String describe() {
        return lights.describe();
    }

    @Override
    public void close() {
        lights.close();
    }
}
