package org.vitaleterminal.firmware.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One event held by the outbox until the broker acknowledges it.
 *
 * @param seq       the terminal's event sequence number (strictly increasing, never reused)
 * @param eventId   the event's UUID, for logs (an event's payload may hold personal data)
 * @param createdAt when the event was committed (from the injected clock)
 * @param payload   the event JSON, UTF-8, exactly as it will be published
 */
public record StoredEvent(long seq, String eventId, Instant createdAt, byte[] payload) {
    public StoredEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public String toString() {
        return "StoredEvent[seq=" + seq + ", eventId=" + eventId + ", createdAt=" + createdAt + ", "
                + payload.length + " bytes]";
    }
}
