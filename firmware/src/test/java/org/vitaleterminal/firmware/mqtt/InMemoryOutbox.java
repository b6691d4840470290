package org.vitaleterminal.firmware.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import org.vitaleterminal.firmware.outbox.Outbox;
import org.vitaleterminal.firmware.outbox.OutboxException;
import org.vitaleterminal.firmware.outbox.StoredEvent;

/**
 * A test double of the durable outbox: same contract, kept in memory. Thread-safe like the real
 * one (the decision path appends while the publisher reads and removes). Events carry
 * {@code {"seq":N}} payloads so a subscriber can check the order.
 */
final class InMemoryOutbox implements Outbox {
    private final ConcurrentSkipListMap<Long, StoredEvent> events = new ConcurrentSkipListMap<>();
    private final Clock clock;
    private long nextSeq = 1;
    private volatile boolean failReads;

    InMemoryOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized StoredEvent append(EventWriter writer) {
        long seq = nextSeq++;
        String id = UUID.randomUUID().toString();
        StoredEvent event = new StoredEvent(seq, id, clock.instant(), writer.write(seq, id));
        events.put(seq, event);
        return event;
    }

    /** Appends {@code count} events {@code {"seq":N,"eventId":"..."}}. */
    List<StoredEvent> appendEvents(int count) {
        List<StoredEvent> appended = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            appended.add(append((seq, id) -> ("{\"seq\":" + seq + ",\"eventId\":\"" + id + "\"}")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return appended;
    }

    /** Makes reads fail, as a broken store would. */
    void failReads(boolean fail) {
        failReads = fail;
    }

    @Override
    public List<StoredEvent> after(long afterSeq, int max) {
        if (failReads) {
            throw new OutboxException("test outbox: reads fail");
        }
        List<StoredEvent> result = new ArrayList<>(Math.min(max, 64));
        for (StoredEvent event : events.tailMap(afterSeq, false).values()) {
            if (result.size() >= max) {
                break;
            }
            result.add(event);
        }
        return result;
    }

    @Override
    public void remove(long seq) {
        events.remove(seq);
    }

    @Override
    public long depth() {
        return events.size();
    }

    @Override
    public Optional<Duration> oldestAge() {
        var first = events.firstEntry();
        return first == null ? Optional.empty() : Optional.of(Duration.between(first.getValue().createdAt(), clock.instant()));
    }

    @Override
    public void close() {}
}
