package org.vitaleterminal.hal.indicator.gpio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds {@code /sys/class/gpio} and {@code /sys/class/pwm} look-alikes in a temporary folder. */
final class FakeSysfs {
    final Path gpio;
    final Path pwm;

    FakeSysfs(Path dir) throws IOException {
        gpio = Files.createDirectories(dir.resolve("gpio"));
        pwm = dir.resolve("pwm");
        Files.writeString(gpio.resolve("export"), "");
        Files.writeString(gpio.resolve("unexport"), "");
    }

    FakeSysfs chip(int base, String label, int ngpio) throws IOException {
        Path chip = Files.createDirectories(gpio.resolve("gpiochip" + base));
        Files.writeString(chip.resolve("base"), base + "\n");
        Files.writeString(chip.resolve("label"), label + "\n");
        Files.writeString(chip.resolve("ngpio"), ngpio + "\n");
        return this;
    }

    FakeSysfs pwmChip(int n, int npwm) throws IOException {
        Path chip = Files.createDirectories(pwm.resolve("pwmchip" + n));
        Files.writeString(chip.resolve("npwm"), npwm + "\n");
        return this;
    }

    /** Raspberry Pi 4 on a kernel before 6.6: the main controller at base 0. */
    static FakeSysfs pi4Old(Path dir) throws IOException {
        return new FakeSysfs(dir).chip(0, "pinctrl-bcm2711", 58).chip(504, "raspberrypi-exp-gpio", 8);
    }

    /** Raspberry Pi 4 on 6.6 and later: dynamic bases from 512. */
    static FakeSysfs pi4New(Path dir) throws IOException {
        return new FakeSysfs(dir).chip(512, "pinctrl-bcm2711", 58).chip(570, "raspberrypi-exp-gpio", 8);
    }

    /** Raspberry Pi 5 (6.6): the SoC's brcmstb banks first, the header on RP1 at 571. */
    static FakeSysfs pi5(Path dir) throws IOException {
        return new FakeSysfs(dir).chip(512, "gpio-brcmstb@107d508500", 32).chip(544, "gpio-brcmstb@107d508500", 4)
                .chip(548, "gpio-brcmstb@107d517c00", 17).chip(565, "gpio-brcmstb@107d517c00", 6)
                .chip(571, "pinctrl-rp1", 54);
    }
}
