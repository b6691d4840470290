package org.vitaleterminal.firmware.mqtt;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One telemetry sample (mqtt-events.md §4): counters since start and gauges, gathered by the
 * caller. No personal data can be expressed in it.
 *
 * @param scansRejected reason code → count
 * @param latencies     {@code decode}, {@code verify}, {@code endToEnd} → median and 99th percentile
 */
public record Telemetry(Duration uptime, long heapUsedBytes, long outboxDepth, Optional<Duration> outboxOldestAge,
                        OptionalLong trustListVersion, Optional<Duration> trustListAge, boolean clockSynced,
                        long scansAccepted, Map<String, Long> scansRejected, long framesProcessed, long framesDropped,
                        Map<String, Latency> latencies) {

    /** A latency distribution summary in milliseconds. */
    public record Latency(double p50Ms, double p99Ms) {}

    public Telemetry {
        scansRejected = Collections.unmodifiableMap(new LinkedHashMap<>(scansRejected));
        latencies = Collections.unmodifiableMap(new LinkedHashMap<>(latencies));
    }
}
