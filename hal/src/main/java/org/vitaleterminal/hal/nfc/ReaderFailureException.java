package org.vitaleterminal.hal.nfc;

/**
 * The reader itself failed (transport error, no answer from the chip, protocol violation). The
 * reader resets itself on the next call; the caller reports a device fault meanwhile.
 */
public final class ReaderFailureException extends NfcException {
    public ReaderFailureException(String message) {
        super(message);
    }

    public ReaderFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
