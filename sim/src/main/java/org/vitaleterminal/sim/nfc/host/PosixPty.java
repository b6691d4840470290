package org.vitaleterminal.sim.nfc.host;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A Linux pseudo-terminal pair opened through libc with JNA ({@code posix_openpt}, {@code grantpt},
 * {@code unlockpt}, {@code ptsname_r}), set to raw mode, with non-blocking access to the master
 * side. The slave is also held open here so the master never sees a hang-up between two clients
 * (a master whose slave has no open descriptor reads EIO and polls POLLHUP).
 *
 * <p>Constants and structure layouts are Linux/glibc's, the same on x86-64 and ARM (32 and 64 bit).
 */
final class PosixPty implements AutoCloseable {
    private static final int O_RDWR = 02;
    private static final int O_NOCTTY = 0400;
    private static final int O_NONBLOCK = 04000;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int TCSANOW = 0;
    static final short POLLIN = 0x001;
    static final short POLLERR = 0x008;
    static final short POLLHUP = 0x010;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;

    /** The libc calls used; errno comes back as {@link LastErrorException}. */
    interface LibC extends Library {
        int posix_openpt(int flags) throws LastErrorException;

        int grantpt(int fd) throws LastErrorException;

        int unlockpt(int fd) throws LastErrorException;

        int ptsname_r(int fd, byte[] buf, NativeLong buflen) throws LastErrorException;

        int open(String path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        NativeLong read(int fd, byte[] buf, NativeLong count) throws LastErrorException;

        NativeLong write(int fd, byte[] buf, NativeLong count) throws LastErrorException;

        int poll(PollFd[] fds, int nfds, int timeout) throws LastErrorException;

        int fcntl(int fd, int cmd, int arg) throws LastErrorException;

        int tcgetattr(int fd, Termios termios) throws LastErrorException;

        int tcsetattr(int fd, int optionalActions, Termios termios) throws LastErrorException;

        void cfmakeraw(Termios termios);
    }

    /** {@code struct pollfd}. */
    @Structure.FieldOrder({"fd", "events", "revents"})
    public static final class PollFd extends Structure {
        public int fd;
        public short events;
        public short revents;
    }

    /** glibc's {@code struct termios} (NCCS 32, with c_ispeed/c_ospeed): 60 bytes. */
    @Structure.FieldOrder({"c_iflag", "c_oflag", "c_cflag", "c_lflag", "c_line", "c_cc", "c_ispeed", "c_ospeed"})
    public static final class Termios extends Structure {
        public int c_iflag;
        public int c_oflag;
        public int c_cflag;
        public int c_lflag;
        public byte c_line;
        public byte[] c_cc = new byte[32];
        public int c_ispeed;
        public int c_ospeed;
    }

    private final LibC libc;
    private final int master;
    private final int slave;
    private final String slavePath;
    private final PollFd[] pollSet;

    private PosixPty(LibC libc, int master, int slave, String slavePath) {
        this.libc = libc;
        this.master = master;
        this.slave = slave;
        this.slavePath = slavePath;
        this.pollSet = (PollFd[]) new PollFd().toArray(1);
    }

    static PosixPty open() throws IOException {
        LibC libc;
        try {
            libc = Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError e) {
            throw new IOException("libc not loadable through JNA: " + e.getMessage(), e);
        }
        int master = -1;
        try {
            master = libc.posix_openpt(O_RDWR | O_NOCTTY);
            libc.grantpt(master);
            libc.unlockpt(master);
            byte[] name = new byte[128];
            libc.ptsname_r(master, name, new NativeLong(name.length));
            int end = 0;
            while (end < name.length && name[end] != 0) {
                end++;
            }
            String path = new String(name, 0, end, StandardCharsets.US_ASCII);
            Termios termios = new Termios();
            libc.tcgetattr(master, termios);
            libc.cfmakeraw(termios);
            libc.tcsetattr(master, TCSANOW, termios);
            int slave = libc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK);
            libc.fcntl(master, F_SETFL, libc.fcntl(master, F_GETFL, 0) | O_NONBLOCK);
            return new PosixPty(libc, master, slave, path);
        } catch (LastErrorException e) {
            if (master >= 0) {
                closeQuietly(libc, master);
            }
            throw new IOException("cannot open a pseudo-terminal: errno " + e.getErrorCode(), e);
        }
    }

    String slavePath() {
        return slavePath;
    }

    /**
     * Waits up to {@code timeoutMillis} for the master to be readable; returns the revents bits
     * (0 on timeout or interruption).
     */
    int poll(int timeoutMillis) throws IOException {
        pollSet[0].fd = master;
        pollSet[0].events = POLLIN;
        pollSet[0].revents = 0;
        try {
            int n = libc.poll(pollSet, 1, timeoutMillis);
            return n > 0 ? pollSet[0].revents & 0xFFFF : 0;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR) {
                return 0;
            }
            throw new IOException("poll: errno " + e.getErrorCode(), e);
        }
    }

    /** Reads what the slave side wrote; 0 when nothing is there. */
    int read(byte[] buf) throws IOException {
        try {
            return libc.read(master, buf, new NativeLong(buf.length)).intValue();
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
                return 0;
            }
            throw new IOException("read: errno " + e.getErrorCode(), e);
        }
    }

    /** Writes towards the slave; returns how many bytes went (0 when the slave's queue is full). */
    int write(byte[] buf, int offset, int length) throws IOException {
        byte[] part = offset == 0 && length == buf.length ? buf : java.util.Arrays.copyOfRange(buf, offset, offset + length);
        try {
            return libc.write(master, part, new NativeLong(length)).intValue();
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
                return 0;
            }
            throw new IOException("write: errno " + e.getErrorCode(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(libc, slave);
        closeQuietly(libc, master);
    }

    private static void closeQuietly(LibC libc, int fd) {
        try {
            libc.close(fd);
        } catch (LastErrorException e) {
            // already closed or invalid: nothing left to release
        }
    }
}
