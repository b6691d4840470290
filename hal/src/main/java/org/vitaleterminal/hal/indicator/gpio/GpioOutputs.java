package org.vitaleterminal.hal.indicator.gpio;

import java.util.Objects;
import java.util.Optional;
import org.vitaleterminal.hal.indicator.IndicatorOutputs;
import org.vitaleterminal.hal.indicator.Lights;

/** The two LEDs and the (optional) buzzer as {@link IndicatorOutputs}. */
final class GpioOutputs implements IndicatorOutputs {
    private final Switch green;
    private final Switch red;
    private final Optional<Switch> buzzer;
    private final GpioPins pins;

    GpioOutputs(Switch green, Switch red, Optional<Switch> buzzer, GpioPins pins) {
        this.green = Objects.requireNonNull(green, "green");
        this.red = Objects.requireNonNull(red, "red");
        this.buzzer = Objects.requireNonNull(buzzer, "buzzer");
        this.pins = Objects.requireNonNull(pins, "pins");
    }

    @Override
    public void apply(Lights lights) {
        green.set(lights.green());
        red.set(lights.red());
        buzzer.ifPresent(b -> b.set(lights.buzzer()));
    }

    @Override
    public void close() {
        buzzer.ifPresent(GpioOutputs::closeQuietly);
        closeQuietly(red);
        closeQuietly(green);
        pins.close();
    }

    static void closeQuietly(Switch s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            // closing must not fail: the next one still gets closed
        }
    }
}
