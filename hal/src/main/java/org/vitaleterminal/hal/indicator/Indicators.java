package org.vitaleterminal.hal.indicator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.vitaleterminal.hal.indicator.gpio.GpioIndicator;
import org.vitaleterminal.hal.indicator.gpio.GpioPins;
import org.vitaleterminal.hal.indicator.gpio.HardwarePwm;
import org.vitaleterminal.hal.indicator.gpio.Pi4jGpioPins;
import org.vitaleterminal.hal.indicator.gpio.SysfsGpioNumbering;
import org.vitaleterminal.hal.nfc.pn532.Pi4jContextSource;

/** Makes the {@link Indicator} an {@code indicator} setting names. */
public final class Indicators {
    /** Opens GPIO outputs only when an {@code indicator=gpio:…} is asked for. */
    @FunctionalInterface
    public interface PinsOpener {
        GpioPins open() throws IOException;
    }

    private final PrintStream console;
    private final Clock clock;
    private final PinsOpener pins;
    private final Path sysClassGpio;
    private final Path sysClassPwm;
    private final Patterns patterns;

    public Indicators(PrintStream console, Clock clock, PinsOpener pins, Path sysClassGpio, Path sysClassPwm,
                      Patterns patterns) {
        this.console = Objects.requireNonNull(console, "console");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pins = Objects.requireNonNull(pins, "pins");
        this.sysClassGpio = Objects.requireNonNull(sysClassGpio, "sysClassGpio");
        this.sysClassPwm = Objects.requireNonNull(sysClassPwm, "sysClassPwm");
        this.patterns = Objects.requireNonNull(patterns, "patterns");
    }

    /** On a Pi: Pi4J linuxfs, the real sysfs, the standard patterns. */
    public static Indicators system(PrintStream console, Clock clock, Pi4jContextSource contexts) {
        return new Indicators(console, clock, () -> Pi4jGpioPins.open(contexts), SysfsGpioNumbering.DEFAULT_ROOT,
                HardwarePwm.DEFAULT_ROOT, Patterns.standard());
    }

    /**
     * @throws IllegalArgumentException for a malformed setting (see {@link IndicatorUri#parse})
     * @throws IOException              when the GPIO outputs cannot be opened
     */
    public Indicator create(String setting) throws IOException {
        return switch (IndicatorUri.parse(setting)) {
            case IndicatorUri.None none -> new SilentIndicator();
            case IndicatorUri.Console c -> new ConsoleIndicator(console, clock, patterns);
            case IndicatorUri.Gpio g -> GpioIndicator.open(g, pins.open(), sysClassGpio, sysClassPwm,
                    TaskScheduler.singleThread("indicator"), patterns);
        };
    }
}
