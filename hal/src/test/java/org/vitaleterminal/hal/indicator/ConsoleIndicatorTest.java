package org.vitaleterminal.hal.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsoleIndicatorTest {

    @Test
    void oneLinePerSignalWithTheTimeAndWhatTheLightsWouldShow() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:25:10.734Z"), ZoneOffset.UTC);
        try (ConsoleIndicator console = new ConsoleIndicator(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock,
                Patterns.standard())) {
            for (Signal s : Signal.values()) {
                console.show(s);
            }
            assertEquals("console", console.describe());
        }
        assertEquals("""
                2026-11-27T10:25:10Z indicator ACCEPTED: green, one short beep
                2026-11-27T10:25:10Z indicator ACCEPTED_NO_OPEN_RIGHTS: amber, two beeps
                2026-11-27T10:25:10Z indicator REJECTED: red, one long beep
                2026-11-27T10:25:10Z indicator WAITING_FOR_UNLOCK: amber blinking
                2026-11-27T10:25:10Z indicator FAULT: red blinking
                2026-11-27T10:25:10Z indicator IDLE: all off
                """, bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
