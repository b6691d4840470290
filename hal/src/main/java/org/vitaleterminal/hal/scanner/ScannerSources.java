package org.vitaleterminal.hal.scanner;

import java.time.Duration;
import java.util.Objects;
import org.vitaleterminal.hal.Backoff;
import org.vitaleterminal.hal.scanner.evdev.EvdevDecoder;
import org.vitaleterminal.hal.scanner.evdev.LinuxEventDevice;
import org.vitaleterminal.hal.scanner.serial.SerialLineDecoder;
import org.vitaleterminal.hal.scanner.serial.SerialPortDevice;

/**
 * Makes the {@link ScannerSource} a {@code scanner.source} setting names. Nothing is opened
 * here: the source opens its device on its own thread once started, and keeps trying if it is
 * not there yet.
 */
public final class ScannerSources {
    /**
     * 250 ms, 500 ms … up to 5 s: a USB scanner plugged back in is found within 5 s, and a
     * missing one costs a few cheap open() calls a minute.
     */
    public static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    private final Backoff backoff;
    private final Pause pause;

    public ScannerSources(Backoff backoff, Pause pause) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /** With {@link #DEFAULT_BACKOFF} and real sleeping. */
    public static ScannerSources system() {
        return new ScannerSources(DEFAULT_BACKOFF, Pause.system());
    }

    /** @throws IllegalArgumentException for a malformed setting (see {@link ScannerUri#parse}) */
    public ScannerSource create(String setting) {
        return create(ScannerUri.parse(setting));
    }

    public ScannerSource create(ScannerUri uri) {
        return switch (uri) {
            case ScannerUri.None none -> new NoScanner();
            case ScannerUri.Evdev e -> new DeviceScanner(
                    "evdev:" + e.path() + ",layout=" + e.layout().configName(),
                    () -> LinuxEventDevice.open(e.path(), e.grab()),
                    lines -> new EvdevDecoder(e.record(), e.layout(), lines),
                    e.maxLineLength(), backoff, pause);
            case ScannerUri.Serial s -> new DeviceScanner(
                    "serial:" + s.path(),
                    () -> SerialPortDevice.open(s.path(), s.baud()),
                    SerialLineDecoder::new,
                    s.maxLineLength(), backoff, pause);
        };
    }
}
