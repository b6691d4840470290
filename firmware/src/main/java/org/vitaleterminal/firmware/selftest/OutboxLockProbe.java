package org.vitaleterminal.firmware.selftest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Tells whether a running terminal holds {@code outbox.db} (it keeps an exclusive SQLite lock on
 * it while it runs) by reading {@code /proc/locks}, which only lists locks: unlike opening the
 * database or trying a lock, it cannot disturb the terminal. Selftest uses it to leave the
 * devices alone while the service owns them: a second process on the PN532's bus or serial
 * port would break the service's exchanges.
 */
public final class OutboxLockProbe {
    public static final Path PROC_LOCKS = Path.of("/proc/locks");

    private final Path procLocks;

    public OutboxLockProbe(Path procLocks) {
        this.procLocks = procLocks;
    }

    /** The id of a process holding a lock on {@code file}; empty when none does or it cannot be told. */
    public OptionalLong holder(Path file) {
        long inode;
        String device;
        List<String> lines;
        try {
            if (!Files.exists(file)) {
                return OptionalLong.empty();
            }
            inode = (Long) Files.getAttribute(file, "unix:ino");
            device = procLocksDevice((Long) Files.getAttribute(file, "unix:dev"));
            lines = Files.readAllLines(procLocks, StandardCharsets.US_ASCII);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return OptionalLong.empty(); // not Linux, or no /proc: selftest then proceeds as if nothing ran
        }
        String wanted = device + ":" + inode;
        for (String line : lines) {
            // "1: POSIX  ADVISORY  WRITE 812 b3:02:26112 1073741824 1073742335"; "1: -> POSIX ..." is a waiter
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 6 && !fields[1].equals("->") && fields[5].equals(wanted)) {
                try {
                    return OptionalLong.of(Long.parseLong(fields[4]));
                } catch (NumberFormatException e) {
                    return OptionalLong.of(-1); // an open-file-description lock has no pid, but it is held
                }
            }
        }
        return OptionalLong.empty();
    }

    /** st_dev as the kernel prints it in /proc/locks: major and minor in hex (glibc's dev_t encoding). */
    static String procLocksDevice(long dev) {
        long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
        long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
        return String.format("%02x:%02x", major, minor);
    }
}
