package org.vitaleterminal.firmware.systemd;

/** A notification to systemd could not be sent, or {@code $NOTIFY_SOCKET}/{@code $WATCHDOG_*} is malformed. */
public final class SystemdNotifyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SystemdNotifyException(String message) {
        super(message);
    }

    public SystemdNotifyException(String message, Throwable cause) {
        super(message, cause);
    }
}
