package org.vitaleterminal.firmware.outbox;

/**
 * The outbox holds its configured maximum of events (the broker has been unreachable for a long
 * time). Nothing is dropped: the terminal stops accepting new scans and shows a fault instead.
 */
public class OutboxFullException extends OutboxException {
    public OutboxFullException(String message) {
        super(message);
    }
}
