package org.vitaleterminal.hal.nfc;

/** A failed NFC operation. Messages name the operation and the status, never exchanged data. */
public class NfcException extends Exception {
    public NfcException(String message) {
        super(message);
    }

    public NfcException(String message, Throwable cause) {
        super(message, cause);
    }
}
