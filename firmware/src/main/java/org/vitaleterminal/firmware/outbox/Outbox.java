package org.vitaleterminal.firmware.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The durable store-and-forward queue between decisions and the MQTT publisher: an event is
 * committed here before the terminal signals anything, and leaves only when the broker has
 * acknowledged it. The outbox also owns the event sequence number, so that {@code seq} is
 * allocated and stored in the same commit as the event that carries it.
 */
public interface Outbox extends AutoCloseable {

    /** Builds the event JSON for a given sequence number and event id. */
    @FunctionalInterface
    interface EventWriter {
        byte[] write(long seq, String eventId);
    }

    /**
     * Allocates the next {@code seq} and a fresh event id, asks {@code writer} for the payload
     * and commits it durably before returning.
     *
     * @throws OutboxFullException when the configured capacity is reached (nothing is stored)
     * @throws OutboxException     when the store cannot commit (nothing is stored)
     */
    StoredEvent append(EventWriter writer);

    /** Up to {@code max} events with {@code seq > afterSeq}, in {@code seq} order. */
    List<StoredEvent> after(long afterSeq, int max);

    /** Removes an acknowledged event; removing one that is gone already is not an error. */
    void remove(long seq);

    /** Events waiting. */
    long depth();

    /** How long the oldest waiting event has waited, if any. */
    Optional<Duration> oldestAge();

    @Override
    void close();
}
