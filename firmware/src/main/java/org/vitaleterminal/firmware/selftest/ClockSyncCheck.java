package org.vitaleterminal.firmware.selftest;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether systemd-timesyncd has synchronised the clock since boot: it touches
 * {@code /run/systemd/timesync/synchronized} on each successful synchronisation
 * (systemd-timesyncd.service(8)). Not required, a WARN at worst: a site may run offline for a
 * while on a clock restored from disk, and what protects verification from a wrong clock is the
 * high-water mark ({@link ClockMarkCheck}, required). Without NTP the clock drifts, though, and a
 * clock in the past makes the broker's certificate look not yet valid.
 */
public final class ClockSyncCheck implements Check {
    public static final Path TIMESYNCD_FLAG = Path.of("/run/systemd/timesync/synchronized");

    private final Path flag;

    public ClockSyncCheck(Path flag) {
        this.flag = flag;
    }

    @Override
    public String name() {
        return "clock-sync";
    }

    @Override
    public boolean required() {
        return false;
    }

    @Override
    public CheckResult run() {
        if (Files.exists(flag)) {
            return CheckResult.pass("synchronised by NTP since boot (" + flag + ")");
        }
        return CheckResult.warn("not synchronised by NTP since boot (no " + flag + ")",
                "connect the network and check timedatectl timesync-status (NTP server reachable, UDP 123 open); "
                        + "with another NTP client than systemd-timesyncd, check it instead");
    }
}
