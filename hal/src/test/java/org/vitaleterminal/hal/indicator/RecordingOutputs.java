package org.vitaleterminal.hal.indicator;

import java.util.ArrayList;
import java.util.List;

/** Writes "time state" for each change the player makes, e.g. {@code 0 green+beep}, {@code 150 green}. */
public final class RecordingOutputs implements IndicatorOutputs {
    private final ManualScheduler clock;
    public final List<String> log = new ArrayList<>();
    public boolean closed;
    public int failuresLeft;

    public RecordingOutputs(ManualScheduler clock) {
        this.clock = clock;
    }

    @Override
    public void apply(Lights lights) {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new IllegalStateException("pin write failed (test)");
        }
        log.add(clock.now() + " " + lights);
    }

    @Override
    public void close() {
        closed = true;
    }
}
