package org.vitaleterminal.firmware.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.vitaleterminal.credential.Reason;

/**
 * Counters and latencies since start, for telemetry (mqtt-events spec §4). Reason codes only:
 * nothing here can carry personal data.
 */
public final class TerminalMetrics {
    private final LongAdder accepted = new LongAdder();
    private final Map<Reason, LongAdder> rejected = new ConcurrentHashMap<>();
    private final LatencyRecorder decode = new LatencyRecorder();
    private final LatencyRecorder verify = new LatencyRecorder();
    private final LatencyRecorder endToEnd = new LatencyRecorder();

    void accepted() {
        accepted.increment();
    }

    void rejected(Reason reason) {
        rejected.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public long acceptedCount() {
        return accepted.sum();
    }

    /** Rejections by reason code, in code order. */
    public Map<String, Long> rejectedByReason() {
        Map<String, Long> out = new TreeMap<>();
        rejected.forEach((reason, count) -> out.put(reason.name(), count.sum()));
        return out;
    }

    /** Frame captured → QR text found. */
    public LatencyRecorder decode() {
        return decode;
    }

    /** Payload in → verification result. */
    public LatencyRecorder verify() {
        return verify;
    }

    /** Code captured (frame, scanner line, phone detected) → decision committed and signalled. */
    public LatencyRecorder endToEnd() {
        return endToEnd;
    }
}
