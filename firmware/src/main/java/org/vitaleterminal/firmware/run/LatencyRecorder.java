package org.vitaleterminal.firmware.run;

import java.util.Arrays;
import org.vitaleterminal.firmware.mqtt.Telemetry;

/**
 * The last {@value #WINDOW} samples of one latency, for the p50/p99 that telemetry reports live.
 * A fixed ring: recording never allocates and old samples fall out, so the figures follow the
 * terminal's recent behaviour rather than its whole uptime.
 */
public final class LatencyRecorder {
    static final int WINDOW = 1024;

    private final long[] nanos = new long[WINDOW];
    private long recorded;

    public synchronized void record(long elapsedNanos) {
        nanos[(int) (recorded % WINDOW)] = Math.max(0, elapsedNanos);
        recorded++;
    }

    /** p50 and p99 in milliseconds over the window; zeros before the first sample. */
    public Telemetry.Latency summary() {
        long[] copy;
        synchronized (this) {
            copy = Arrays.copyOf(nanos, (int) Math.min(recorded, WINDOW));
        }
        if (copy.length == 0) {
            return new Telemetry.Latency(0, 0);
        }
        Arrays.sort(copy);
        return new Telemetry.Latency(percentile(copy, 0.50) / 1e6, percentile(copy, 0.99) / 1e6);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
