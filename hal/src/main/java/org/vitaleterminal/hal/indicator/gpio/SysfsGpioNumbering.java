package org.vitaleterminal.hal.indicator.gpio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a BCM GPIO number (what the configuration and the Pi's pinout use) into the number the
 * sysfs GPIO interface wants, which is what Pi4J's linuxfs provider writes to
 * {@code /sys/class/gpio/export}.
 *
 * <p>Why: sysfs numbers are global, {@code base + line} of the gpiochip that owns the line.
 * Kernels used to give the Pi's main controller base 0, so BCM 17 was sysfs 17. Raspberry Pi
 * kernels since 6.6 number GPIO chips dynamically from 512 up (raspberrypi/linux PR #5638), so
 * writing a raw BCM number fails with "Invalid argument" (Pi4J issue #307 from linuxfs on a
 * Pi 5; WiringPi issue #371 "offset by +512"); Pi4J 3.0.4's linuxfs plugin has no base
 * handling (shared notes, platform.md §1.1). So we find the chip and add its base.
 *
 * <p>Which chip: the one whose label names the SoC's main GPIO controller, the one that drives
 * the 40-pin header: {@code pinctrl-rp1} on a Pi 5 (the header is on the RP1 south bridge, not
 * on the BCM2712, whose own chips are labelled {@code gpio-brcmstb@…}), {@code pinctrl-bcm2711}
 * on a Pi 4 / CM4 / Pi 400, {@code pinctrl-bcm2835} on earlier models. Chip numbers themselves
 * moved between kernels (the Pi 5 header went from gpiochip4 to gpiochip0 in 6.6.45), so the
 * label, not the chip name, decides.
 */
public final class SysfsGpioNumbering {
    public static final Path DEFAULT_ROOT = Path.of("/sys/class/gpio");
    /** The labels of header GPIO controllers, in the order they are preferred if several appear. */
    public static final List<String> HEADER_CONTROLLER_LABELS = List.of("pinctrl-rp1", "pinctrl-bcm2711", "pinctrl-bcm2835");

    private final GpioChip chip;

    private SysfsGpioNumbering(GpioChip chip) {
        this.chip = chip;
    }

    /**
     * Reads the gpiochips under {@code root} (normally {@link #DEFAULT_ROOT}).
     *
     * @throws IOException naming the directory and what was found, when no header controller
     *                     is there or its files cannot be read
     */
    public static SysfsGpioNumbering read(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " does not exist: this kernel has no sysfs GPIO interface"
                    + " (not a Raspberry Pi, or CONFIG_GPIO_SYSFS off), so indicator=gpio cannot work here");
        }
        List<GpioChip> chips = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "gpiochip*")) {
            for (Path dir : dirs) {
                String label;
                try {
                    label = text(dir.resolve("label"));
                } catch (IOException e) {
                    unreadable.add(dir.getFileName().toString());
                    continue;
                }
                if (HEADER_CONTROLLER_LABELS.contains(label)) {
                    chips.add(new GpioChip(dir.getFileName().toString(), number(dir.resolve("base")), label,
                            number(dir.resolve("ngpio"))));
                } else {
                    chips.add(new GpioChip(dir.getFileName().toString(), -1, label, -1));
                }
            }
        }
        for (String label : HEADER_CONTROLLER_LABELS) {
            Optional<GpioChip> found = chips.stream().filter(c -> c.label().equals(label))
                    .min(Comparator.comparingInt(GpioChip::base));
            if (found.isPresent()) {
                return new SysfsGpioNumbering(found.get());
            }
        }
        String seen = chips.isEmpty() ? "no gpiochip at all"
                : chips.stream().sorted(Comparator.comparing(GpioChip::name))
                        .map(c -> c.name() + " (" + c.label() + ")").collect(Collectors.joining(", "));
        throw new IOException("no Raspberry Pi header GPIO controller under " + root + ": looked for a gpiochip labelled "
                + String.join(", ", HEADER_CONTROLLER_LABELS) + "; found " + seen
                + (unreadable.isEmpty() ? "" : "; unreadable: " + String.join(", ", unreadable)));
    }

    /** The chip in use. */
    public GpioChip chip() {
        return chip;
    }

    /** @throws IllegalArgumentException if the chip has no line {@code bcm} */
    public int sysfsNumber(int bcm) {
        if (bcm < 0 || bcm >= chip.ngpio()) {
            throw new IllegalArgumentException("GPIO " + bcm + " is not a line of " + chip.name() + " (" + chip.label()
                    + ", lines 0.." + (chip.ngpio() - 1) + ")");
        }
        return chip.base() + bcm;
    }

    /** True on a Pi 5 (RP1), where the PWM channels of the header pins differ. */
    public boolean rp1() {
        return chip.label().equals("pinctrl-rp1");
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    private static int number(Path file) throws IOException {
        String t;
        try {
            t = text(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " is missing", e);
        }
        try {
            int n = Integer.parseInt(t);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException(file + " holds '" + t + "', not a number");
        }
    }
}
