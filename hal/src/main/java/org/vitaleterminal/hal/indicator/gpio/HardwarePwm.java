package org.vitaleterminal.hal.indicator.gpio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Which header pins have a hardware PWM channel, and whether the kernel exposes the PWM
 * controller ({@code /sys/class/pwm/pwmchipN}, what Pi4J's linuxfs PWM provider drives).
 *
 * <p>BCM2835..2711: PWM0 channel 0 on GPIO 12 and 18, channel 1 on GPIO 13 and 19 (enabled by
 * {@code dtoverlay=pwm} for GPIO18 or {@code dtoverlay=pwm-2chan} for 18 and 19). Pi 5 (RP1):
 * channels 0..3 on GPIO 12, 13, 18, 19 (GPIO18 is channel 2). Sources: shared notes pn532.md
 * §6.4 (rppal PWM docs, Pi4J's RPi 5 PWM post).
 */
public final class HardwarePwm {
    public static final Path DEFAULT_ROOT = Path.of("/sys/class/pwm");

    private HardwarePwm() {}

    /** The PWM channel wired to {@code bcm}, if any. */
    public static OptionalInt channel(int bcm, boolean rp1) {
        return switch (bcm) {
            case 12 -> OptionalInt.of(0);
            case 13 -> OptionalInt.of(1);
            case 18 -> OptionalInt.of(rp1 ? 2 : 0);
            case 19 -> OptionalInt.of(rp1 ? 3 : 1);
            default -> OptionalInt.empty();
        };
    }

    /** True if a PWM controller under {@code root} has channel {@code channel} (its {@code npwm} is larger). */
    public static boolean controllerHas(Path root, int channel) {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (DirectoryStream<Path> chips = Files.newDirectoryStream(root, "pwmchip*")) {
            for (Path chip : chips) {
                try {
                    int npwm = Integer.parseInt(Files.readString(chip.resolve("npwm"), StandardCharsets.US_ASCII).strip());
                    if (npwm > channel) {
                        return true;
                    }
                } catch (IOException | NumberFormatException e) {
                    // an odd chip: look at the others
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
