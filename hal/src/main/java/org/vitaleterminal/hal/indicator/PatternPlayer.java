package org.vitaleterminal.hal.indicator;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * Plays {@link Pattern}s on {@link IndicatorOutputs}. {@link #play} only queues the pattern and
 * returns; every step and every pin write happens on the scheduler's single thread, so a slow
 * pin never holds up the scan loop and two patterns never write the pins at once. A new pattern
 * replaces the one playing at once, whatever step it was at.
 *
 * <p>A failing output (a pin write throws) is logged once and the pattern goes on: the lights
 * are a courtesy, the decision and the event are what count.
 */
public final class PatternPlayer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PatternPlayer.class.getName());

    private final IndicatorOutputs outputs;
    private final TaskScheduler scheduler;
    private volatile boolean closed;

    // touched on the scheduler's thread only
    private Pattern current;
    private int index;
    private long generation;
    private TaskScheduler.Cancellable pending;
    private Lights shown;
    private boolean failureLogged;

    public PatternPlayer(IndicatorOutputs outputs, TaskScheduler scheduler) {
        this.outputs = Objects.requireNonNull(outputs, "outputs");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Queues {@code pattern} to replace whatever plays; returns at once. Ignored once closed. */
    public void play(Pattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (!closed) {
            scheduler.schedule(() -> start(pattern), Duration.ZERO);
        }
    }

    /** Stops the thread, then switches everything off and releases the outputs. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.close(); // after this the scheduler's thread has ended: the outputs are ours
        try {
            outputs.apply(Lights.OFF);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "indicator: switching off failed: {0}", e.toString());
        }
        outputs.close();
    }

    private void start(Pattern pattern) {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        generation++;
        current = pattern;
        index = 0;
        if (pattern.steps().isEmpty()) {
            set(Lights.OFF);
            return;
        }
        runStep();
    }

    private void runStep() {
        Step step = current.steps().get(index);
        set(step.lights());
        long mine = generation;
        pending = scheduler.schedule(() -> next(mine), step.duration());
    }

    private void next(long of) {
        if (of != generation) {
            return; // a step of a pattern already replaced (cancelled too late)
        }
        index++;
        if (index == current.steps().size()) {
            if (!current.repeating()) {
                pending = null;
                set(Lights.OFF);
                return;
            }
            index = 0;
        }
        runStep();
    }

    private void set(Lights lights) {
        if (lights.equals(shown)) {
            return;
        }
        try {
            outputs.apply(lights);
            shown = lights;
        } catch (RuntimeException e) {
            shown = null; // unknown: write again next time
            if (!failureLogged) {
                failureLogged = true;
                LOG.log(Level.WARNING, "indicator: output failed ({0}); patterns go on", e.toString());
            }
        }
    }
}
