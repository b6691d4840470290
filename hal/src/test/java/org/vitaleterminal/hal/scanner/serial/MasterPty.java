package org.vitaleterminal.hal.scanner.serial;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The scanner's end of a pseudo-terminal (Linux): the source under test opens {@link #slavePath}. */
final class MasterPty implements AutoCloseable {
    private static final int O_RDWR = 0x2;
    private static final int O_NOCTTY = 0x100;

    private interface LibC extends Library {
        int posix_openpt(int flags);

        int grantpt(int fd);

        int unlockpt(int fd);

        String ptsname(int fd);

        NativeLong write(int fd, byte[] buffer, NativeLong count);

        int close(int fd);
    }

    private final LibC libc;
    private final int master;
    final String slavePath;
    private boolean closed;

    private MasterPty(LibC libc, int master, String slavePath) {
        this.libc = libc;
        this.master = master;
        this.slavePath = slavePath;
    }

    static boolean supported() {
        return System.getProperty("os.name", "").toLowerCase().contains("linux")
                && new java.io.File("/dev/ptmx").exists();
    }

    static MasterPty open() throws IOException {
        LibC libc = Native.load("c", LibC.class);
        int fd = libc.posix_openpt(O_RDWR | O_NOCTTY);
        if (fd < 0 || libc.grantpt(fd) != 0 || libc.unlockpt(fd) != 0) {
            throw new IOException("no pseudo-terminal");
        }
        return new MasterPty(libc, fd, libc.ptsname(fd));
    }

    void write(String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
        long n = libc.write(master, data, new NativeLong(data.length)).longValue();
        if (n != data.length) {
            throw new IOException("pty write " + n);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            libc.close(master);
        }
    }
}
