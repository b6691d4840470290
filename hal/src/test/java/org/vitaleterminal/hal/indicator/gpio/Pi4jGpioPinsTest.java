package org.vitaleterminal.hal.indicator.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.hal.nfc.pn532.Pi4jContextSource;

/**
 * The Pi4J adapter through the real linuxfs digital-output provider, pointed (by its
 * {@code linux.gpio.system.path} property) at a fake sysfs tree in which the pin is already
 * exported: what lands in {@code gpio529/direction} and {@code gpio529/value} is what the kernel
 * would get.
 */
@Timeout(60)
class Pi4jGpioPinsTest {
    @TempDir
    Path dir;

    @Test
    void anLedIsSysfsGpioBasePlusBcmDrivenThroughLinuxfs() throws IOException {
        Path gpio = Files.createDirectories(dir.resolve("gpio"));
        Files.writeString(gpio.resolve("export"), "");
        Files.writeString(gpio.resolve("unexport"), "");
        Path pin = Files.createDirectories(gpio.resolve("gpio529"));
        Files.writeString(pin.resolve("direction"), "in\n");
        Files.writeString(pin.resolve("value"), "0\n");
        Context context = Pi4J.newContextBuilder().autoDetectProviders()
                .property("linux.gpio.system.path", gpio.toString()).build();
        try (Pi4jGpioPins pins = Pi4jGpioPins.open(Pi4jContextSource.shared(context))) {
            Switch led = pins.output("led-green", 529);
            assertEquals("out", Files.readString(pin.resolve("direction")).strip());
            led.set(true);
            assertEquals("1", Files.readString(pin.resolve("value")).strip());
            led.set(false);
            assertEquals("0", Files.readString(pin.resolve("value")).strip());
            led.close();
        } finally {
            context.shutdown();
        }
    }

    @Test
    void aPwmBuzzerIsAHalfDutySquareWaveThroughLinuxfs() throws IOException {
        Path pwm = Files.createDirectories(dir.resolve("pwm"));
        Path chip = Files.createDirectories(pwm.resolve("pwmchip0"));
        Files.writeString(chip.resolve("npwm"), "2\n");
        Files.writeString(chip.resolve("export"), "");
        Files.writeString(chip.resolve("unexport"), "");
        Path channel = Files.createDirectories(chip.resolve("pwm0"));
        for (String f : new String[] {"period", "duty_cycle", "enable", "polarity"}) {
            Files.writeString(channel.resolve(f), f.equals("polarity") ? "normal\n" : "0\n");
        }
        Context context = Pi4J.newContextBuilder().autoDetectProviders()
                .property("linux.pwm.system.path", pwm.toString()).property("linux.pwm.chip", "0").build();
        try (Pi4jGpioPins pins = Pi4jGpioPins.open(Pi4jContextSource.shared(context))) {
            Switch buzzer = pins.tone("buzzer", 0, 2500);
            buzzer.set(true);
            assertEquals("1", Files.readString(channel.resolve("enable")).strip());
            assertEquals("400000", Files.readString(channel.resolve("period")).strip(), "2500 Hz = 400 us");
            assertEquals("200000", Files.readString(channel.resolve("duty_cycle")).strip(), "50 %");
            buzzer.set(false);
            assertEquals("0", Files.readString(channel.resolve("enable")).strip());
            buzzer.close();
        } finally {
            context.shutdown();
        }
    }
}
