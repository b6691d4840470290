package org.vitaleterminal.firmware.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.firmware.outbox.StoredEvent;

/** The publisher's bookkeeping, with a recording sender instead of a broker. */
class OutboxPublisherTest {
    private final InMemoryOutbox outbox = new InMemoryOutbox(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    private final List<Long> sent = new ArrayList<>();
    private final OutboxPublisher.Sender recorder = (event, session) -> sent.add(event.seq());

    @Test
    void sendsInSeqOrderUpToTheWindow() {
        outbox.appendEvents(10);
        OutboxPublisher publisher = new OutboxPublisher(outbox, 4);
        publisher.startSession(1);
        assertEquals(4, publisher.pump(recorder));
        assertEquals(List.of(1L, 2L, 3L, 4L), sent);
        assertEquals(0, publisher.pump(recorder), "window full: nothing more until an acknowledgement");
        assertEquals(10, outbox.depth(), "nothing leaves the outbox before its PUBACK");
    }

    @Test
    void anAcknowledgementRemovesTheEventAndOpensTheWindow() {
        outbox.appendEvents(6);
        OutboxPublisher publisher = new OutboxPublisher(outbox, 2);
        publisher.startSession(1);
        publisher.pump(recorder);
        publisher.acknowledged(1, 1);
        assertEquals(5, outbox.depth());
        assertEquals(1, publisher.pump(recorder));
        assertEquals(List.of(1L, 2L, 3L), sent);
        publisher.acknowledged(2, 1);
        publisher.acknowledged(3, 1);
        publisher.pump(recorder);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), sent);
    }

    @Test
    void aNewSessionResendsEverythingUnacknowledgedInOrder() {
        outbox.appendEvents(5);
        OutboxPublisher publisher = new OutboxPublisher(outbox, 3);
        publisher.startSession(1);
        publisher.pump(recorder);
        publisher.acknowledged(1, 1);
        publisher.pump(recorder);
        assertEquals(List.of(1L, 2L, 3L, 4L), sent);
        // connection lost: 2, 3, 4 were sent but not acknowledged
        sent.clear();
        publisher.startSession(2);
        publisher.pump(recorder);
        assertEquals(List.of(2L, 3L, 4L), sent);
    }

    @Test
    void aLateAcknowledgementFromAnOldSessionRemovesTheEventButNotAWindowSlot() {
        outbox.appendEvents(4);
        OutboxPublisher publisher = new OutboxPublisher(outbox, 2);
        publisher.startSession(1);
        publisher.pump(recorder);
        publisher.startSession(2);
        publisher.pump(recorder);
        assertEquals(2, publisher.inFlight());
        publisher.acknowledged(1, 1);
        assertEquals(3, outbox.depth(), "the broker has seq 1: it leaves the outbox");
        assertEquals(2, publisher.inFlight(), "but session 2's window still counts its own send of seq 1");
        publisher.acknowledged(1, 2);
        assertEquals(1, publisher.inFlight());
    }

    @Test
    void aRefusingSenderStopsThePumpWithoutSkippingAnything() {
        outbox.appendEvents(3);
        OutboxPublisher publisher = new OutboxPublisher(outbox, 10);
        publisher.startSession(1);
        int[] budget = {1};
        OutboxPublisher.Sender flaky = (event, session) -> budget[0]-- > 0 && sent.add(event.seq());
        assertEquals(1, publisher.pump(flaky));
        publisher.pump(recorder);
        assertEquals(List.of(1L, 2L, 3L), sent, "seq 2 was refused, then sent: no gap");
    }

    @Test
    void eventsAppendedWhileSendingAreSentNext() {
        outbox.appendEvents(2);
        OutboxPublisher publisher = new OutboxPublisher(outbox, 8);
        publisher.startSession(1);
        publisher.pump(recorder);
        assertFalse(publisher.idle());
        publisher.acknowledged(1, 1);
        publisher.acknowledged(2, 1);
        assertTrue(publisher.idle());
        List<StoredEvent> more = outbox.appendEvents(2);
        assertFalse(publisher.idle());
        publisher.pump(recorder);
        assertEquals(List.of(1L, 2L, more.get(0).seq(), more.get(1).seq()), sent);
    }
}
