package org.vitaleterminal.firmware.outbox;

/** The outbox could not commit or read; the message names the store, never an event's content. */
public class OutboxException extends RuntimeException {
    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }

    public OutboxException(String message) {
        super(message);
    }
}
