package org.vitaleterminal.hal.indicator.gpio;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.vitaleterminal.hal.indicator.BuzzerType;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.indicator.IndicatorUri;
import org.vitaleterminal.hal.indicator.PatternPlayer;
import org.vitaleterminal.hal.indicator.Patterns;
import org.vitaleterminal.hal.indicator.Signal;
import org.vitaleterminal.hal.indicator.TaskScheduler;

/**
 * Green and red LEDs (amber = both) and a buzzer on the Pi's GPIO header. BCM pin numbers from
 * the configuration are turned into sysfs numbers through the header controller's base
 * ({@link SysfsGpioNumbering}); the buzzer uses hardware PWM where the pin has it and the kernel
 * exposes it ({@link HardwarePwm}), a plain on/off output otherwise. Patterns play on the
 * player's thread: {@link #show} never waits.
 */
public final class GpioIndicator implements Indicator {
    private static final System.Logger LOG = System.getLogger(GpioIndicator.class.getName());

    private final PatternPlayer player;
    private final Patterns patterns;
    private final String description;

    private GpioIndicator(PatternPlayer player, Patterns patterns, String description) {
        this.player = player;
        this.patterns = patterns;
        this.description = description;
    }

    /**
     * Opens the pins of {@code config}. On failure everything opened so far is closed again.
     *
     * @param sysClassGpio normally {@link SysfsGpioNumbering#DEFAULT_ROOT}
     * @param sysClassPwm  normally {@link HardwarePwm#DEFAULT_ROOT}
     * @throws IOException naming the pin and the reason (no controller, no PWM, pin busy...)
     */
    public static GpioIndicator open(IndicatorUri.Gpio config, GpioPins pins, Path sysClassGpio, Path sysClassPwm,
                                     TaskScheduler scheduler, Patterns patterns) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(pins, "pins");
        List<Switch> opened = new ArrayList<>();
        try {
            SysfsGpioNumbering numbering = SysfsGpioNumbering.read(sysClassGpio);
            Switch green = add(opened, pins.output("led-green", sysfs(numbering, config.green(), "green")));
            Switch red = add(opened, pins.output("led-red", sysfs(numbering, config.red(), "red")));
            Optional<Switch> buzzer = Optional.empty();
            String buzzerText = "none";
            if (config.buzzer().isPresent()) {
                int pin = config.buzzer().getAsInt();
                OptionalInt channel = pwmChannel(config, numbering, sysClassPwm);
                if (channel.isPresent()) {
                    buzzer = Optional.of(add(opened, pins.tone("buzzer", channel.getAsInt(), config.toneHz())));
                    buzzerText = pin + " (pwm " + config.toneHz() + " Hz)";
                } else {
                    buzzer = Optional.of(add(opened, pins.output("buzzer", sysfs(numbering, pin, "buzzer"))));
                    buzzerText = pin + " (on/off)";
                }
            }
            String description = "gpio:green=" + config.green() + ",red=" + config.red() + ",buzzer=" + buzzerText
                    + " on " + numbering.chip().label() + " base " + numbering.chip().base();
            PatternPlayer player = new PatternPlayer(new GpioOutputs(green, red, buzzer, pins), scheduler);
            return new GpioIndicator(player, patterns, description);
        } catch (IOException | RuntimeException e) {
            opened.reversed().forEach(GpioOutputs::closeQuietly); // last opened, first closed
            pins.close();
            scheduler.close();
            if (e instanceof IllegalArgumentException) {
                throw new IOException("indicator: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static OptionalInt pwmChannel(IndicatorUri.Gpio config, SysfsGpioNumbering numbering, Path sysClassPwm)
            throws IOException {
        int pin = config.buzzer().getAsInt();
        if (config.buzzerType() == BuzzerType.PLAIN) {
            return OptionalInt.empty();
        }
        OptionalInt channel = HardwarePwm.channel(pin, numbering.rp1());
        boolean available = channel.isPresent() && HardwarePwm.controllerHas(sysClassPwm, channel.getAsInt());
        if (available) {
            return channel;
        }
        String why = channel.isEmpty() ? "GPIO " + pin + " has no hardware PWM (only 12, 13, 18 and 19 have)"
                : "no PWM controller with channel " + channel.getAsInt() + " under " + sysClassPwm
                        + " (enable it with dtoverlay=pwm or pwm-2chan)";
        if (config.buzzerType() == BuzzerType.PWM) {
            throw new IOException("indicator: buzzer-type=pwm, but " + why);
        }
        LOG.log(Level.INFO, "indicator: buzzer on/off (for an active buzzer): {0}", why);
        return OptionalInt.empty();
    }

    private static int sysfs(SysfsGpioNumbering numbering, int bcm, String what) {
        try {
            return numbering.sysfsNumber(bcm);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    private static Switch add(List<Switch> opened, Switch s) {
        opened.add(s);
        return s;
    }

    @Override
    public void show(Signal signal) {
        player.play(patterns.of(signal));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        player.close();
    }
}
