package org.vitaleterminal.hal.nfc;

/** The target left the field or stopped answering (timeout, RF error): release it and poll again. */
public final class TargetLostException extends NfcException {
    public TargetLostException(String message) {
        super(message);
    }
}
