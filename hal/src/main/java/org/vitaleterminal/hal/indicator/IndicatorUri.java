package org.vitaleterminal.hal.indicator;

import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@code indicator} setting:
 *
 * <pre>
 * gpio:green=17,red=27,buzzer=18           LEDs and buzzer on these BCM GPIO numbers
 * gpio                                      the same pins (the defaults)
 * gpio:buzzer=none                          LEDs only
 * gpio:buzzer=18,buzzer-type=pwm,tone=2700  passive buzzer on hardware PWM at 2700 Hz
 * console                                   one line per signal on standard output
 * none                                      nothing
 * </pre>
 *
 * {@code buzzer-type}: {@code auto} (default: PWM where the pin and the kernel have it, else
 * on/off), {@code pwm} (passive buzzer, PWM required) or {@code plain} (active buzzer).
 */
public sealed interface IndicatorUri {
    String KEY = "indicator";
    String FORMS = "gpio[:green=N,red=N,buzzer=N|none,buzzer-type=auto|pwm|plain,tone=HZ], console or none";
    int DEFAULT_GREEN = 17;
    int DEFAULT_RED = 27;
    int DEFAULT_BUZZER = 18;
    int DEFAULT_TONE_HZ = 2700;
    /** GPIO 0..27 are the ones on the 40-pin header (BCM numbering, every model with one, Pi 5 too). */
    int MAX_HEADER_GPIO = 27;

    String text();

    /** @param buzzer the buzzer's BCM pin, empty for none */
    record Gpio(String text, int green, int red, OptionalInt buzzer, BuzzerType buzzerType, int toneHz)
            implements IndicatorUri {}

    record Console(String text) implements IndicatorUri {}

    record None(String text) implements IndicatorUri {}

    /** @throws IllegalArgumentException naming {@value #KEY}, the value, what is wrong and the accepted forms */
    static IndicatorUri parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(KEY + " is empty (expected " + FORMS + ")");
        }
        String s = value.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("none")) {
            return new None(value);
        }
        if (lower.equals("console")) {
            return new Console(value);
        }
        if (lower.equals("gpio")) {
            return gpio(value, "");
        }
        if (lower.startsWith("gpio:")) {
            return gpio(value, s.substring("gpio:".length()));
        }
        throw invalid(value, "unknown indicator kind");
    }

    private static Gpio gpio(String value, String options) {
        int green = DEFAULT_GREEN;
        int red = DEFAULT_RED;
        OptionalInt buzzer = OptionalInt.of(DEFAULT_BUZZER);
        BuzzerType type = BuzzerType.AUTO;
        int tone = DEFAULT_TONE_HZ;
        Set<String> seen = new HashSet<>();
        for (String option : options.isBlank() ? new String[0] : options.split(",", -1)) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw invalid(value, "'" + option + "' is not NAME=VALUE");
            }
            String name = option.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = option.substring(eq + 1).strip();
            if (!seen.add(name)) {
                throw invalid(value, name + " is given twice");
            }
            switch (name) {
                case "green" -> green = pin(value, name, v);
                case "red" -> red = pin(value, name, v);
                case "buzzer" -> buzzer = v.equalsIgnoreCase("none") ? OptionalInt.empty() : OptionalInt.of(pin(value, name, v));
                case "buzzer-type" -> type = switch (v.toLowerCase(Locale.ROOT)) {
                    case "auto" -> BuzzerType.AUTO;
                    case "pwm" -> BuzzerType.PWM;
                    case "plain" -> BuzzerType.PLAIN;
                    default -> throw invalid(value, "buzzer-type must be auto, pwm or plain, not '" + v + "'");
                };
                case "tone" -> {
                    tone = number(value, name, v);
                    if (tone < 100 || tone > 10_000) {
                        throw invalid(value, "tone must be 100..10000 Hz, not " + tone);
                    }
                }
                default -> throw invalid(value, "unknown option '" + option + "'");
            }
        }
        if (green == red || buzzer.isPresent() && (buzzer.getAsInt() == green || buzzer.getAsInt() == red)) {
            throw invalid(value, "green, red and buzzer need three different pins");
        }
        return new Gpio(value, green, red, buzzer, type, tone);
    }

    private static int pin(String value, String name, String v) {
        int pin = number(value, name, v);
        if (pin > MAX_HEADER_GPIO) {
            throw invalid(value, name + "=" + pin + " is not a header GPIO (BCM 0.." + MAX_HEADER_GPIO + ")");
        }
        return pin;
    }

    private static int number(String value, String name, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(value, name + " must be a number, not '" + v + "'");
        }
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException("bad " + KEY + " \"" + value + "\": " + why + " (expected " + FORMS + ")");
    }
}
