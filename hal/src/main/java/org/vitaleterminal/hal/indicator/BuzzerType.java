package org.vitaleterminal.hal.indicator;

import java.util.Locale;

/** How the buzzer is driven. */
public enum BuzzerType {
    /** Hardware PWM when the pin has a PWM channel and the PWM controller is enabled, else {@link #PLAIN}. */
    AUTO,
    /** A passive buzzer: needs a square wave, so hardware PWM (GPIO 12, 13, 18 or 19 with the PWM overlay). */
    PWM,
    /** An active buzzer (it makes its own tone): a plain on/off output on any pin. */
    PLAIN;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
