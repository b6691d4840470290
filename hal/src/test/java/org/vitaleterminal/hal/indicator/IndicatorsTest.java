package org.vitaleterminal.hal.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class IndicatorsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:25:10Z"), ZoneOffset.UTC);

    private Indicators indicators(Indicators.PinsOpener pins) {
        return new Indicators(new PrintStream(console, true), clock, pins, dir.resolve("gpio"), dir.resolve("pwm"),
                Patterns.standard());
    }

    @Test
    void consoleAndNoneNeedNoPins() throws IOException {
        Indicators.PinsOpener never = () -> {
            throw new AssertionError("no pins for console or none");
        };
        try (Indicator c = indicators(never).create("console")) {
            c.show(Signal.REJECTED);
        }
        assertEquals("2026-11-27T10:25:10Z indicator REJECTED: red, one long beep", console.toString().strip());
        try (Indicator none = indicators(never).create("none")) {
            assertInstanceOf(SilentIndicator.class, none);
            none.show(Signal.FAULT);
            assertEquals("none", none.describe());
        }
    }

    @Test
    void gpioWithoutSysfsGpioIsAClearIoError() {
        IOException e = assertThrows(IOException.class,
                () -> indicators(() -> new org.vitaleterminal.hal.indicator.gpio.GpioPins() {
                    @Override
                    public org.vitaleterminal.hal.indicator.gpio.Switch output(String id, int n) {
                        throw new AssertionError();
                    }

                    @Override
                    public org.vitaleterminal.hal.indicator.gpio.Switch tone(String id, int c, int hz) {
                        throw new AssertionError();
                    }

                    @Override
                    public void close() {}
                }).create("gpio:green=17,red=27,buzzer=18"));
        assertTrue(e.getMessage().contains("no sysfs GPIO interface"), e.getMessage());
    }

    @Test
    void malformedSettingsAreRejectedBeforeAnythingOpens() {
        assertThrows(IllegalArgumentException.class, () -> indicators(() -> {
            throw new AssertionError();
        }).create("gpio:green=99"));
    }
}
