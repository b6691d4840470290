package org.vitaleterminal.firmware.state;

/** A state file in {@code state.dir} cannot be read or written; the message names the file. */
public class StateException extends RuntimeException {
    public StateException(String message, Throwable cause) {
        super(message, cause);
    }

    public StateException(String message) {
        super(message);
    }
}
