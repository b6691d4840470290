package org.vitaleterminal.firmware.selftest;

import java.time.Duration;
import org.vitaleterminal.firmware.run.Devices;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcReader;

/**
 * The reader in {@code nfc.reader} opens and initialises (for a PN532: it answers
 * GetFirmwareVersion, shown in the line) and one short poll works, which switches the RF field on.
 * A phone found by that poll is released at once and nothing is read from it.
 */
public final class NfcCheck implements Check {
    public static final Duration DEFAULT_POLL = Duration.ofMillis(200);

    private final Devices devices;
    private final String uri;
    private final Duration poll;

    public NfcCheck(Devices devices, String uri, Duration poll) {
        this.devices = devices;
        this.uri = uri;
        this.poll = poll;
    }

    @Override
    public String name() {
        return "nfc";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public CheckResult run() {
        NfcReader reader;
        try {
            reader = devices.nfcReaders().open(uri);
        } catch (NfcException | RuntimeException e) {
            return CheckResult.fail(uri + ": " + e.getMessage(), DeviceFixes.nfc(uri));
        }
        try (reader) {
            reader.poll(poll).ifPresent(reader::release);
            return CheckResult.pass(reader.describe() + ": answers, RF poll works");
        } catch (NfcException e) {
            return CheckResult.fail(reader.describe() + ": opened, but a poll failed: " + e.getMessage(),
                    DeviceFixes.nfc(uri));
        }
    }

    @Override
    public String fixWhenStuck() {
        return DeviceFixes.nfc(uri);
    }
}
