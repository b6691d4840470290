package org.vitaleterminal.hal.scanner.evdev;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.vitaleterminal.hal.scanner.RawDevice;

/**
 * An input event device ({@code /dev/input/eventN}) opened through libc with JNA, non-blocking,
 * read with {@code poll()} so a read never waits longer than asked.
 *
 * <p>Grabbing ({@code EVIOCGRAB}) makes this process the device's only reader: without it the
 * scanner also types into the local console or whatever has the keyboard focus. A grab that
 * fails (another process holds it, or the path is a plain file or a pipe) is logged and reading
 * goes on. Closing the descriptor releases the grab.
 *
 * <p>Works on any readable path, which is how tests replay recorded event streams from files
 * and pipes: the end of a file or a pipe's writer closing reads as the device going away.
 */
public final class LinuxEventDevice implements RawDevice {
    private static final System.Logger LOG = System.getLogger(LinuxEventDevice.class.getName());
    private static final int O_RDONLY = 0;
    private static final int O_NONBLOCK = 04000;
    private static final int O_CLOEXEC = 02000000;
    private static final short POLLIN = 0x001;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int ENODEV = 19;
    /** {@code _IOW('E', 0x90, int)}: the generic ioctl encoding, the same on arm64, armhf and x86-64. */
    private static final long EVIOCGRAB = 0x40044590L;

    /** The libc calls used; errno comes back as {@link LastErrorException}. */
    interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        NativeLong read(int fd, byte[] buf, NativeLong count) throws LastErrorException;

        int poll(PollFd[] fds, int nfds, int timeout) throws LastErrorException;

        int ioctl(int fd, NativeLong request, NativeLong arg) throws LastErrorException;
    }

    /**
     * libc, loaded on the first open and then kept: an unplugged scanner is opened again every
     * few seconds, and loading the library each time is wasted work. Whether it loads cannot
     * change while the process runs, so a failure is kept too and reported by every open.
     */
    private static final class LoadedLibC {
        static final LibC INSTANCE;
        static final UnsatisfiedLinkError FAILURE;

        static {
            LibC loaded = null;
            UnsatisfiedLinkError failure = null;
            try {
                loaded = Native.load("c", LibC.class);
            } catch (UnsatisfiedLinkError e) {
                failure = e;
            }
            INSTANCE = loaded;
            FAILURE = failure;
        }
    }

    /** {@code struct pollfd}. */
    @Structure.FieldOrder({"fd", "events", "revents"})
    public static final class PollFd extends Structure {
        public int fd;
        public short events;
        public short revents;
    }

    private final LibC libc;
    private final String path;
    private final int fd;
    private final PollFd[] pollSet;
    private boolean closed;

    private LinuxEventDevice(LibC libc, String path, int fd) {
        this.libc = libc;
        this.path = path;
        this.fd = fd;
        this.pollSet = (PollFd[]) new PollFd().toArray(1);
    }

    /**
     * Opens {@code path} for reading and, if asked, grabs it.
     *
     * @throws IOException naming the path and errno when it cannot be opened (absent, no permission)
     */
    public static LinuxEventDevice open(String path, boolean grab) throws IOException {
        LibC libc = LoadedLibC.INSTANCE;
        if (libc == null) {
            UnsatisfiedLinkError e = LoadedLibC.FAILURE;
            throw new IOException("libc not loadable through JNA: " + e.getMessage(), e);
        }
        int fd;
        try {
            fd = libc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("cannot open " + path + ": errno " + e.getErrorCode(), e);
        }
        LinuxEventDevice device = new LinuxEventDevice(libc, path, fd);
        if (grab) {
            device.grab();
        }
        return device;
    }

    private void grab() {
        try {
            libc.ioctl(fd, new NativeLong(EVIOCGRAB), new NativeLong(1));
        } catch (LastErrorException e) {
            LOG.log(Level.WARNING, "cannot grab {0} (errno {1}): scans may also reach the console; reading anyway",
                    path, e.getErrorCode());
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws IOException {
        if (closed) {
            throw new IOException(path + " is closed");
        }
        pollSet[0].fd = fd;
        pollSet[0].events = POLLIN;
        pollSet[0].revents = 0;
        int ready;
        try {
            ready = libc.poll(pollSet, 1, (int) Math.clamp(timeout.toMillis(), 0, Integer.MAX_VALUE));
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR) {
                return 0;
            }
            throw new IOException("poll on " + path + ": errno " + e.getErrorCode(), e);
        }
        if (ready == 0) {
            return 0;
        }
        // POLLERR/POLLHUP alone (device unplugged, writer gone) still let read() tell what happened
        try {
            int n = libc.read(fd, buffer, new NativeLong(buffer.length)).intValue();
            return n == 0 ? -1 : n;
        } catch (LastErrorException e) {
            return switch (e.getErrorCode()) {
                case EAGAIN, EINTR -> 0;
                case ENODEV -> -1;
                default -> throw new IOException("read from " + path + ": errno " + e.getErrorCode(), e);
            };
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            libc.close(fd);
        } catch (LastErrorException e) {
            // nothing left to release
        }
    }
}
