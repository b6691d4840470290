package org.vitaleterminal.firmware.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The retained status payloads (mqtt-events.md §3). */
public final class StatusJson {
    /** The Last Will: fixed, registered at connect time. */
    public static final byte[] LAST_WILL = "{\"state\":\"offline\"}".getBytes(StandardCharsets.UTF_8);

    private static final JsonFactory JSON = new JsonFactory();

    public enum State { ONLINE, OFFLINE }

    private StatusJson() {}

    /** State and time only: when the full status cannot be gathered. */
    public static byte[] minimal(State state, Instant at) {
        return ("{\"state\":\"" + (state == State.ONLINE ? "online" : "offline") + "\",\"at\":\""
                + at.truncatedTo(ChronoUnit.SECONDS) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] of(State state, Instant at, TerminalStatus status) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeStringField("state", state == State.ONLINE ? "online" : "offline");
            json.writeStringField("at", at.truncatedTo(ChronoUnit.SECONDS).toString());
            json.writeStringField("firmware", status.firmware());
            if (status.trustListVersion().isPresent()) {
                json.writeNumberField("trustListVersion", status.trustListVersion().getAsLong());
            }
            if (status.trustListExpiresAt().isPresent()) {
                json.writeStringField("trustListExpiresAt", status.trustListExpiresAt().get().toString());
            }
            json.writeNumberField("outboxDepth", status.outboxDepth());
            json.writeBooleanField("clockSynced", status.clockSynced());
            json.writeObjectFieldStart("devices");
            for (Map.Entry<String, String> device : status.devices().entrySet()) {
                json.writeStringField(device.getKey(), device.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
