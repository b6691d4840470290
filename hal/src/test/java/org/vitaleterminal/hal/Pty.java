package org.vitaleterminal.hal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A pseudo-terminal for tests (Linux): the test holds the master side, the code under test opens
 * the slave path ({@code /dev/pts/N}) like any serial device. The master is non-blocking; reads
 * poll it.
 */
public final class Pty implements AutoCloseable {
    private static final int O_RDWR = 0x2;
    private static final int O_NOCTTY = 0x100;
    private static final int O_NONBLOCK = 0x800;

    private interface LibC extends Library {
        int posix_openpt(int flags);

        int grantpt(int fd);

        int unlockpt(int fd);

        String ptsname(int fd);

        NativeLong read(int fd, byte[] buffer, NativeLong count);

        NativeLong write(int fd, byte[] buffer, NativeLong count);

        int close(int fd);
    }

    private final LibC libc;
    private final int master;
    private final String slavePath;
    private boolean closed;

    private Pty(LibC libc, int master, String slavePath) {
        this.libc = libc;
        this.master = master;
        this.slavePath = slavePath;
    }

    public static boolean supported() {
        return System.getProperty("os.name", "").toLowerCase().contains("linux") && new File("/dev/ptmx").exists();
    }

    public static Pty open() throws IOException {
        LibC libc = Native.load("c", LibC.class);
        int fd = libc.posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK);
        if (fd < 0 || libc.grantpt(fd) != 0 || libc.unlockpt(fd) != 0) {
            throw new IOException("no pseudo-terminal");
        }
        return new Pty(libc, fd, libc.ptsname(fd));
    }

    /** The device the code under test opens, e.g. {@code /dev/pts/3}. */
    public String slavePath() {
        return slavePath;
    }

    /** Sends {@code data} as if the device had sent it (small writes: the master does not block). */
    public void write(byte[] data) throws IOException {
        long n = libc.write(master, data, new NativeLong(data.length)).longValue();
        if (n != data.length) {
            throw new IOException("pty write " + n);
        }
    }

    /** {@link #write(byte[])} of {@code text}, one byte a character (ISO-8859-1). */
    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** What arrived within {@code timeout} (returns as soon as {@code atLeast} bytes are there). */
    public byte[] read(int atLeast, Duration timeout) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long end = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[4096];
        while (out.size() < atLeast && System.nanoTime() < end) {
            long n = libc.read(master, buffer, new NativeLong(buffer.length)).longValue();
            if (n > 0) {
                out.write(buffer, 0, (int) n);
            } else {
                Thread.sleep(1);
            }
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            libc.close(master);
        }
    }
}
