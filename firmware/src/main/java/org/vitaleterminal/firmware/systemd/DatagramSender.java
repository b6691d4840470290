package org.vitaleterminal.firmware.systemd;

/** Sends one datagram to a Unix socket; the seam between {@link SystemdNotifier} and libc. */
@FunctionalInterface
public interface DatagramSender {

    /**
     * Sends {@code datagram} to {@code to} in a single {@code sendto}.
     *
     * @throws SystemdNotifyException when the socket cannot be created or the datagram not sent
     */
    void send(NotifySocketAddress to, byte[] datagram);
}
