package org.vitaleterminal.hal.indicator.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.hal.indicator.IndicatorUri;
import org.vitaleterminal.hal.indicator.ManualScheduler;
import org.vitaleterminal.hal.indicator.Patterns;
import org.vitaleterminal.hal.indicator.Signal;

/** The GPIO indicator over fake pins and fake sysfs trees: which numbers it opens, what it writes when. */
class GpioIndicatorTest {
    @TempDir
    Path dir;
    private final FakePins pins = new FakePins();
    private final ManualScheduler scheduler = new ManualScheduler();

    private GpioIndicator open(String setting, FakeSysfs fs) throws IOException {
        return GpioIndicator.open((IndicatorUri.Gpio) IndicatorUri.parse(setting), pins, fs.gpio, fs.pwm, scheduler,
                Patterns.standard());
    }

    @Test
    void newKernelWithPwmPinsAreOffsetAndTheBuzzerIsATone() throws IOException {
        GpioIndicator indicator = open("gpio:green=17,red=27,buzzer=18", FakeSysfs.pi4New(dir).pwmChip(0, 2));
        assertEquals(List.of("open led-green gpio 529", "open led-red gpio 539", "open buzzer pwm 0 2700 Hz"), pins.log);
        assertEquals("gpio:green=17,red=27,buzzer=18 (pwm 2700 Hz) on pinctrl-bcm2711 base 512", indicator.describe());
        pins.log.clear();

        indicator.show(Signal.ACCEPTED);
        assertEquals(List.of(), pins.log, "show() writes nothing itself");
        scheduler.advance(150);
        assertEquals(List.of("led-green on", "led-red off", "buzzer on", "buzzer off"), pins.log);
        scheduler.advance(2000);
        assertEquals("led-green off", pins.log.getLast());

        pins.log.clear();
        indicator.close();
        assertEquals(List.of("close buzzer", "close led-red", "close led-green", "close pins"), pins.log);
        assertTrue(scheduler.closed);
    }

    @Test
    void pi5UsesRp1NumbersAndPwmChannel2ForGpio18() throws IOException {
        open("gpio", FakeSysfs.pi5(dir).pwmChip(0, 4)).close();
        assertEquals(List.of("open led-green gpio 588", "open led-red gpio 598", "open buzzer pwm 2 2700 Hz"),
                pins.log.subList(0, 3));
    }

    @Test
    void withoutThePwmOverlayAutoFallsBackToOnOff() throws IOException {
        open("gpio:green=5,red=6,buzzer=18", FakeSysfs.pi4Old(dir)).close();
        assertEquals(List.of("open led-green gpio 5", "open led-red gpio 6", "open buzzer gpio 18"), pins.log.subList(0, 3));
    }

    @Test
    void aPinWithoutPwmAndPlainTypeAreOnOff() throws IOException {
        open("gpio:buzzer=22", FakeSysfs.pi4New(dir).pwmChip(0, 2)).close();
        assertEquals("open buzzer gpio 534", pins.log.get(2));
        pins.log.clear();
        open("gpio:buzzer=18,buzzer-type=plain", FakeSysfs.pi4New(dir.resolve("b")).pwmChip(0, 2)).close();
        assertEquals("open buzzer gpio 530", pins.log.get(2));
    }

    @Test
    void noBuzzerMeansLedsOnly() throws IOException {
        GpioIndicator indicator = open("gpio:buzzer=none", FakeSysfs.pi4New(dir));
        pins.log.clear();
        indicator.show(Signal.ACCEPTED_NO_OPEN_RIGHTS);
        scheduler.advance(5000);
        assertEquals(List.of("led-green on", "led-red on", "led-green off", "led-red off"), pins.log);
        indicator.close();
    }

    @Test
    void pwmRequiredButMissingIsAClearErrorAndNothingStaysOpen() throws IOException {
        FakeSysfs fs = FakeSysfs.pi4New(dir);
        IOException e = assertThrows(IOException.class, () -> open("gpio:buzzer-type=pwm", fs));
        assertTrue(e.getMessage().contains("buzzer-type=pwm, but no PWM controller with channel 0"), e.getMessage());
        assertEquals(List.of("open led-green gpio 529", "open led-red gpio 539", "close led-red", "close led-green",
                "close pins"), pins.log);
        assertTrue(scheduler.closed);
    }

    @Test
    void noHeaderControllerFailsBeforeOpeningAnything() throws IOException {
        FakeSysfs fs = new FakeSysfs(dir).chip(0, "gpio-mockup-A", 8);
        IOException e = assertThrows(IOException.class, () -> open("gpio", fs));
        assertTrue(e.getMessage().contains("no Raspberry Pi header GPIO controller"), e.getMessage());
        assertEquals(List.of("close pins"), pins.log);
    }

    @Test
    void aPinThatCannotBeOpenedClosesTheOthers() throws IOException {
        pins.failOn = "buzzer";
        IOException e = assertThrows(IOException.class, () -> open("gpio", FakeSysfs.pi4New(dir).pwmChip(0, 2)));
        assertEquals("cannot open buzzer (test)", e.getMessage());
        assertEquals(List.of("open led-green gpio 529", "open led-red gpio 539", "close led-red", "close led-green",
                "close pins"), pins.log);
    }
}
