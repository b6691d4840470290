package org.vitaleterminal.firmware.selftest;

import java.time.Duration;
import org.vitaleterminal.firmware.run.Devices;
import org.vitaleterminal.hal.scanner.ScannerSource;
import org.vitaleterminal.hal.scanner.ScannerState;

/**
 * The scanner in {@code scanner.source} is present: its device opens and is being read. A line
 * scanned meanwhile is a credential, i.e. personal data: it is dropped unseen.
 */
public final class ScannerCheck implements Check {
    public static final Duration DEFAULT_OPEN_WAIT = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 50;

    private final Devices devices;
    private final String setting;
    private final Duration openWait;

    public ScannerCheck(Devices devices, String setting, Duration openWait) {
        this.devices = devices;
        this.setting = setting;
        this.openWait = openWait;
    }

    @Override
    public String name() {
        return "scanner";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public CheckResult run() throws InterruptedException {
        ScannerSource scanner;
        try {
            scanner = devices.scanner(setting);
        } catch (RuntimeException e) {
            return CheckResult.fail(setting + ": cannot open (" + e.getMessage() + ")", DeviceFixes.scanner(setting));
        }
        try (scanner) {
            scanner.start(line -> { });
            long end = System.nanoTime() + openWait.toNanos();
            while (scanner.state() != ScannerState.READING && System.nanoTime() < end) {
                Thread.sleep(POLL_MILLIS);
            }
            if (scanner.state() == ScannerState.READING) {
                return CheckResult.pass(scanner.describe() + ": present, reading");
            }
            return CheckResult.fail(scanner.describe() + ": device not open after " + openWait.toSeconds() + " s (state "
                    + scanner.state() + ")", DeviceFixes.scanner(setting));
        }
    }

    @Override
    public String fixWhenStuck() {
        return DeviceFixes.scanner(setting);
    }
}
