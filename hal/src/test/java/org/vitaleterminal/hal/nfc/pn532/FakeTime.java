package org.vitaleterminal.hal.nfc.pn532;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Time that moves only when the code under test sleeps or a fake waits: tests never sleep. */
public final class FakeTime implements TimeSource {
    private long now = 1_000_000_000L;
    public final List<Duration> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        sleeps.add(duration);
        now += duration.toNanos();
    }

    public void advance(Duration duration) {
        now += duration.toNanos();
    }

    public void advanceTo(long nanos) {
        if (nanos > now) {
            now = nanos;
        }
    }

    /** Time since this fake was created. */
    public Duration elapsed() {
        return Duration.ofNanos(now - 1_000_000_000L);
    }
}
