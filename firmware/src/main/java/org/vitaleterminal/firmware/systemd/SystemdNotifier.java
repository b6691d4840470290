package org.vitaleterminal.firmware.systemd;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the service manager about the terminal's life cycle (sd_notify(3)): {@code READY=1} once
 * devices, trust list and outbox are up, {@code STOPPING=1} when SIGTERM starts the drain,
 * {@code WATCHDOG=1} keep-alives, and a one-line {@code STATUS=} for {@code systemctl status}.
 *
 * <p>Outside systemd ({@code NOTIFY_SOCKET} unset, e.g. on a developer's machine) every call does
 * nothing, so the same {@code run} works in a terminal and under {@code Type=notify}. The
 * environment is passed in rather than read from {@link System#getenv()} so tests and callers
 * decide what the notifier sees.
 */
public final class SystemdNotifier {
    /** The variable systemd sets for {@code Type=notify} services. */
    public static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";
    /** systemd caps a STATUS text it shows; longer texts only waste the datagram. */
    private static final int MAX_STATUS_CHARS = 200;

    private final Optional<NotifySocketAddress> socket;
    private final DatagramSender sender;

    private SystemdNotifier(Optional<NotifySocketAddress> socket, DatagramSender sender) {
        this.socket = socket;
        this.sender = sender;
    }

    /**
     * A notifier for the socket named in {@code environment}, sending through libc; libc is only
     * loaded when there is a socket to talk to.
     *
     * @throws SystemdNotifyException when {@code NOTIFY_SOCKET} is set but malformed, or libc
     *                                cannot be loaded
     */
    public static SystemdNotifier fromEnvironment(Map<String, String> environment) {
        Optional<NotifySocketAddress> socket = socketOf(environment);
        if (socket.isEmpty()) {
            return disabled();
        }
        return new SystemdNotifier(socket, UnixDatagramSender.load());
    }

    /** As {@link #fromEnvironment(Map)} with a given sender (tests, other transports). */
    public static SystemdNotifier fromEnvironment(Map<String, String> environment, DatagramSender sender) {
        return new SystemdNotifier(socketOf(environment), sender);
    }

    /** A notifier that sends nothing. */
    public static SystemdNotifier disabled() {
        return new SystemdNotifier(Optional.empty(), (to, datagram) -> {
            throw new AssertionError("a disabled notifier never sends");
        });
    }

    private static Optional<NotifySocketAddress> socketOf(Map<String, String> environment) {
        String value = environment.get(NOTIFY_SOCKET);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NotifySocketAddress.parse(value));
    }

    /** Whether a service manager is listening (NOTIFY_SOCKET was set). */
    public boolean enabled() {
        return socket.isPresent();
    }

    /** {@code READY=1} with a status line: start-up is complete. */
    public void ready(String status) {
        send("READY=1\nSTATUS=" + oneLine(status));
    }

    /** {@code STOPPING=1} with a status line: the terminal is draining and will exit. */
    public void stopping(String status) {
        send("STOPPING=1\nSTATUS=" + oneLine(status));
    }

    /** {@code WATCHDOG=1}: every component is alive. */
    public void watchdog() {
        send("WATCHDOG=1");
    }

    /** {@code STATUS=...}: the free-form line {@code systemctl status} shows. */
    public void status(String status) {
        send("STATUS=" + oneLine(status));
    }

    private void send(String message) {
        if (socket.isPresent()) {
            sender.send(socket.get(), message.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Newlines separate assignments in the protocol, so a status is flattened to one line; it is
     * also shortened. Callers pass component states here, never personal data.
     */
    static String oneLine(String status) {
        StringBuilder line = new StringBuilder(Math.min(status.length(), MAX_STATUS_CHARS));
        for (int i = 0; i < status.length() && line.length() < MAX_STATUS_CHARS; i++) {
            char c = status.charAt(i);
            line.append(Character.isISOControl(c) ? ' ' : c);
        }
        return line.toString();
    }
}
