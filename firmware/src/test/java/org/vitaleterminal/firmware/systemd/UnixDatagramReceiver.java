package org.vitaleterminal.firmware.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The listening side of a notify socket, as systemd holds it: a real AF_UNIX datagram socket bound
 * to a path or an abstract name. The address is built here independently of
 * {@link NotifySocketAddress}, so an encoding mistake there makes the send fail in the test.
 */
public final class UnixDatagramReceiver implements AutoCloseable {
    private static final short POLLIN = 0x001;
    private static final int MSG_DONTWAIT = 0x40;

    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, byte[] addr, int addrlen) throws LastErrorException;

        int poll(PollFd[] fds, int nfds, int timeout) throws LastErrorException;

        NativeLong recv(int fd, byte[] buf, NativeLong len, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    @Structure.FieldOrder({"fd", "events", "revents"})
    public static final class PollFd extends Structure {
        public int fd;
        public short events;
        public short revents;
    }

    private final LibC libc = Native.load("c", LibC.class);
    private final int fd;

    /** Binds to {@code name}: an absolute path, or {@code @abstract-name}. */
    public UnixDatagramReceiver(String name) {
        byte[] path;
        if (name.startsWith("@")) {
            byte[] rest = name.substring(1).getBytes(StandardCharsets.UTF_8);
            path = new byte[rest.length + 1]; // leading NUL, no terminator
            System.arraycopy(rest, 0, path, 1, rest.length);
        } else {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            path = Arrays.copyOf(bytes, bytes.length + 1); // NUL-terminated
        }
        ByteBuffer addr = ByteBuffer.allocate(2 + path.length).order(ByteOrder.nativeOrder());
        addr.putShort((short) 1).put(path);
        fd = libc.socket(1, 2, 0);
        try {
            libc.bind(fd, addr.array(), addr.capacity());
        } catch (LastErrorException e) {
            libc.close(fd);
            throw e;
        }
    }

    /** The next datagram, or empty after {@code timeoutMillis} without one. */
    public Optional<String> receive(int timeoutMillis) {
        PollFd[] set = (PollFd[]) new PollFd().toArray(1);
        set[0].fd = fd;
        set[0].events = POLLIN;
        if (libc.poll(set, 1, timeoutMillis) == 0) {
            return Optional.empty();
        }
        byte[] buffer = new byte[4096];
        int length = libc.recv(fd, buffer, new NativeLong(buffer.length), MSG_DONTWAIT).intValue();
        return Optional.of(new String(buffer, 0, length, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        libc.close(fd);
    }
}
