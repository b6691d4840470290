package org.vitaleterminal.firmware.selftest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code state.dir} exists and the user running selftest can create, sync and delete a file in
 * it. The outbox and other state files are not opened: a running terminal holds the outbox
 * exclusively, and selftest must never get in its way.
 */
public final class StateDirCheck implements Check {
    private final Path stateDir;

    public StateDirCheck(Path stateDir) {
        this.stateDir = stateDir;
    }

    @Override
    public String name() {
        return "state-dir";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public CheckResult run() {
        String create = "sudo install -d -o vitale-terminal -g vitale-terminal -m 0750 " + stateDir
                + " (systemd creates it as StateDirectory= when the service starts)";
        if (!Files.exists(stateDir)) {
            return CheckResult.fail(stateDir + " does not exist", create);
        }
        if (!Files.isDirectory(stateDir)) {
            return CheckResult.fail(stateDir + " is not a directory", "set state.dir to a directory, or " + create);
        }
        Path probe = null;
        try {
            probe = Files.createTempFile(stateDir, ".selftest-", ".tmp");
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(new byte[] {'o', 'k'}));
                channel.force(true); // the outbox fsyncs each event: a medium refusing fsync must show here
            }
            return CheckResult.pass(stateDir + " writable");
        } catch (IOException e) {
            return CheckResult.fail(stateDir + " is not writable by user " + System.getProperty("user.name") + " ("
                    + e.getClass().getSimpleName() + ")", "run selftest as the service user (sudo -u vitale-terminal "
                    + "vitale-terminal selftest) and give it the directory: sudo chown -R vitale-terminal: " + stateDir
                    + "; a read-only or full SD card shows here too (df -h, dmesg)");
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // a leftover .selftest-*.tmp is harmless; the check already reported what matters
                }
            }
        }
    }
}
