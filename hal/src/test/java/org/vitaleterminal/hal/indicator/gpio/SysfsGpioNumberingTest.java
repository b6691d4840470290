package org.vitaleterminal.hal.indicator.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysfsGpioNumberingTest {
    @TempDir
    Path dir;

    @Test
    void oldKernelBaseZeroKeepsBcmNumbers() throws IOException {
        SysfsGpioNumbering n = SysfsGpioNumbering.read(FakeSysfs.pi4Old(dir).gpio);
        assertEquals(17, n.sysfsNumber(17));
        assertEquals(27, n.sysfsNumber(27));
        assertFalse(n.rp1());
    }

    @Test
    void newKernelAddsTheBase() throws IOException {
        SysfsGpioNumbering n = SysfsGpioNumbering.read(FakeSysfs.pi4New(dir).gpio);
        assertEquals(529, n.sysfsNumber(17));
        assertEquals(new GpioChip("gpiochip512", 512, "pinctrl-bcm2711", 58), n.chip());
    }

    @Test
    void pi5UsesTheRp1NotTheSocBanks() throws IOException {
        SysfsGpioNumbering n = SysfsGpioNumbering.read(FakeSysfs.pi5(dir).gpio);
        assertEquals(588, n.sysfsNumber(17));
        assertEquals(571, n.sysfsNumber(0));
        assertTrue(n.rp1());
    }

    @Test
    void olderModelsUseBcm2835() throws IOException {
        SysfsGpioNumbering n = SysfsGpioNumbering.read(new FakeSysfs(dir).chip(0, "pinctrl-bcm2835", 54).gpio);
        assertEquals(18, n.sysfsNumber(18));
        assertThrows(IllegalArgumentException.class, () -> n.sysfsNumber(54));
    }

    @Test
    void noHeaderControllerIsAClearErrorListingWhatIsThere() throws IOException {
        FakeSysfs fs = new FakeSysfs(dir).chip(0, "gpio-mockup-A", 8).chip(504, "raspberrypi-exp-gpio", 8);
        IOException e = assertThrows(IOException.class, () -> SysfsGpioNumbering.read(fs.gpio));
        assertTrue(e.getMessage().contains("looked for a gpiochip labelled pinctrl-rp1, pinctrl-bcm2711, pinctrl-bcm2835"),
                e.getMessage());
        assertTrue(e.getMessage().contains("gpiochip0 (gpio-mockup-A), gpiochip504 (raspberrypi-exp-gpio)"), e.getMessage());
    }

    @Test
    void noSysfsGpioAtAll() {
        IOException e = assertThrows(IOException.class, () -> SysfsGpioNumbering.read(dir.resolve("nothing")));
        assertTrue(e.getMessage().contains("no sysfs GPIO interface"), e.getMessage());
        IOException empty = assertThrows(IOException.class, () -> SysfsGpioNumbering.read(Files.createDirectory(dir.resolve("empty"))));
        assertTrue(empty.getMessage().contains("found no gpiochip at all"), empty.getMessage());
    }

    @Test
    void aMalformedBaseNamesTheFile() throws IOException {
        FakeSysfs fs = FakeSysfs.pi4New(dir);
        Files.writeString(fs.gpio.resolve("gpiochip512/base"), "five hundred\n");
        IOException e = assertThrows(IOException.class, () -> SysfsGpioNumbering.read(fs.gpio));
        assertTrue(e.getMessage().contains("gpiochip512/base holds 'five hundred', not a number"), e.getMessage());
    }

    @Test
    void hardwarePwmChannelsAndTheirController() throws IOException {
        assertEquals(OptionalInt.of(0), HardwarePwm.channel(18, false));
        assertEquals(OptionalInt.of(2), HardwarePwm.channel(18, true));
        assertEquals(OptionalInt.of(1), HardwarePwm.channel(13, true));
        assertEquals(OptionalInt.of(3), HardwarePwm.channel(19, true));
        assertEquals(OptionalInt.empty(), HardwarePwm.channel(17, false));
        FakeSysfs fs = new FakeSysfs(dir);
        assertFalse(HardwarePwm.controllerHas(fs.pwm, 0), "no /sys/class/pwm");
        fs.pwmChip(0, 2);
        assertTrue(HardwarePwm.controllerHas(fs.pwm, 1));
        assertFalse(HardwarePwm.controllerHas(fs.pwm, 2), "channel 2 needs the RP1's 4-channel chip");
    }
}
