package org.vitaleterminal.firmware.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * Sends datagrams on a fresh {@code AF_UNIX}/{@code SOCK_DGRAM} socket through libc with JNA. Java
 * has no Unix-domain datagram channel (JEP 380 covers streams only) and FFM is not final in Java
 * 21, so this is the way to reach {@code $NOTIFY_SOCKET} without libsystemd. One socket per
 * message, closed at once, as sd_notify(3) does: nothing stays open between watchdog pings.
 *
 * <p>Constants are Linux's, the same on x86-64, arm64 and armhf.
 */
public final class UnixDatagramSender implements DatagramSender {
    private static final int AF_UNIX = NotifySocketAddress.AF_UNIX;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 02000000;
    /** Never raise SIGPIPE in the JVM if systemd's end is gone. */
    private static final int MSG_NOSIGNAL = 0x4000;

    /** The libc calls used; errno comes back as {@link LastErrorException}. */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrlen)
                throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final LibC libc;

    private UnixDatagramSender(LibC libc) {
        this.libc = libc;
    }

    /**
     * Loads libc.
     *
     * @throws SystemdNotifyException when JNA cannot load libc (no JNA native library for this
     *                                platform)
     */
    public static UnixDatagramSender load() {
        try {
            return new UnixDatagramSender(Native.load("c", LibC.class));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new SystemdNotifyException("cannot load libc through JNA to notify systemd: " + e.getMessage(), e);
        }
    }

    @Override
    public void send(NotifySocketAddress to, byte[] datagram) {
        int fd;
        try {
            fd = libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new SystemdNotifyException("cannot create a Unix datagram socket (errno " + e.getErrorCode() + ")", e);
        }
        try {
            byte[] address = to.sockaddr();
            long sent = libc.sendto(fd, datagram, new NativeLong(datagram.length), MSG_NOSIGNAL, address, address.length)
                    .longValue();
            if (sent != datagram.length) {
                throw new SystemdNotifyException("short send to NOTIFY_SOCKET=" + to + ": " + sent + " of "
                        + datagram.length + " bytes");
            }
        } catch (LastErrorException e) {
            throw new SystemdNotifyException("cannot send to NOTIFY_SOCKET=" + to + " (errno " + e.getErrorCode()
                    + "); is the socket there and writable by this user?", e);
        } finally {
            try {
                libc.close(fd);
            } catch (LastErrorException ignored) {
                // close(2) on a datagram socket has nothing to flush; the descriptor is released anyway.
            }
        }
    }
}
