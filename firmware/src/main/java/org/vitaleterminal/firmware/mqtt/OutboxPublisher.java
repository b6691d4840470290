package org.vitaleterminal.firmware.mqtt;

import java.util.List;
import java.util.TreeSet;
import org.vitaleterminal.firmware.outbox.Outbox;
import org.vitaleterminal.firmware.outbox.StoredEvent;

/**
 * Moves events from the outbox to the broker in {@code seq} order, with at most {@code window}
 * of them sent and not yet acknowledged. An event leaves the outbox only when the broker has
 * acknowledged it (PUBACK). A new session (after any connection loss) starts again from the
 * oldest event still in the outbox: everything unacknowledged is sent again, in order — at least
 * once, duplicates possible, never a gap.
 *
 * <p>Not thread-safe: the supervisor's thread drives it; acknowledgements reach it through that
 * thread too.
 */
public final class OutboxPublisher {

    /** Hands one event to the MQTT client. */
    @FunctionalInterface
    public interface Sender {
        /**
         * @return {@code false} when the client cannot take it now (not connected, its own
         *         in-flight limit reached): the publisher tries again later
         */
        boolean send(StoredEvent event, long session);
    }

    private final Outbox outbox;
    private final int window;
    private final TreeSet<Long> inFlight = new TreeSet<>();
    private long lastSent = Long.MIN_VALUE;
    private long session = -1;

    public OutboxPublisher(Outbox outbox, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        this.outbox = outbox;
        this.window = window;
    }

    /** A new connection: whatever was in flight is forgotten and will be sent again. */
    public void startSession(long newSession) {
        session = newSession;
        inFlight.clear();
        lastSent = Long.MIN_VALUE;
    }

    /**
     * Sends events until the window is full or the outbox has no more.
     *
     * @return how many were handed to the sender
     */
    public int pump(Sender sender) {
        int sent = 0;
        while (inFlight.size() < window) {
            List<StoredEvent> batch = outbox.after(lastSent, window - inFlight.size());
            if (batch.isEmpty()) {
                return sent;
            }
            for (StoredEvent event : batch) {
                if (!sender.send(event, session)) {
                    return sent;
                }
                inFlight.add(event.seq());
                lastSent = event.seq();
                sent++;
            }
        }
        return sent;
    }

    /**
     * The broker acknowledged {@code seq}: it leaves the outbox. An acknowledgement from an older
     * session still removes the event (the broker has it) but does not touch this session's
     * window.
     */
    public void acknowledged(long seq, long ofSession) {
        outbox.remove(seq);
        if (ofSession == session) {
            inFlight.remove(seq);
        }
    }

    /** Events sent in this session and not yet acknowledged. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Nothing in flight and nothing more to send. */
    public boolean idle() {
        return inFlight.isEmpty() && outbox.after(lastSent, 1).isEmpty();
    }
}
