package org.vitaleterminal.firmware.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The telemetry payload (mqtt-events.md §4); durations in seconds, latencies in milliseconds. */
public final class TelemetryJson {
    private static final JsonFactory JSON = new JsonFactory();

    private TelemetryJson() {}

    public static byte[] of(Instant at, Telemetry t) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeStringField("at", at.truncatedTo(ChronoUnit.SECONDS).toString());
            json.writeNumberField("uptimeS", t.uptime().toSeconds());
            json.writeNumberField("heapUsedBytes", t.heapUsedBytes());
            json.writeBooleanField("clockSynced", t.clockSynced());
            json.writeObjectFieldStart("scans");
            json.writeNumberField("accepted", t.scansAccepted());
            json.writeObjectFieldStart("rejected");
            for (Map.Entry<String, Long> reason : t.scansRejected().entrySet()) {
                json.writeNumberField(reason.getKey(), reason.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeObjectFieldStart("frames");
            json.writeNumberField("processed", t.framesProcessed());
            json.writeNumberField("dropped", t.framesDropped());
            json.writeEndObject();
            json.writeObjectFieldStart("latencyMs");
            for (Map.Entry<String, Telemetry.Latency> latency : t.latencies().entrySet()) {
                json.writeObjectFieldStart(latency.getKey());
                json.writeNumberField("p50", latency.getValue().p50Ms());
                json.writeNumberField("p99", latency.getValue().p99Ms());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeObjectFieldStart("outbox");
            json.writeNumberField("depth", t.outboxDepth());
            if (t.outboxOldestAge().isPresent()) {
                json.writeNumberField("oldestAgeS", seconds(t.outboxOldestAge().get()));
            }
            json.writeEndObject();
            json.writeObjectFieldStart("trustList");
            if (t.trustListVersion().isPresent()) {
                json.writeNumberField("version", t.trustListVersion().getAsLong());
            }
            if (t.trustListAge().isPresent()) {
                json.writeNumberField("ageS", seconds(t.trustListAge().get()));
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static long seconds(Duration duration) {
        return Math.max(0, duration.toSeconds());
    }
}
