package org.vitaleterminal.hal.scanner.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vitaleterminal.hal.Pty;
import org.vitaleterminal.hal.scanner.LineCollector;
import org.vitaleterminal.hal.scanner.RecordingPause;
import org.vitaleterminal.hal.scanner.ScannerCounts;
import org.vitaleterminal.hal.scanner.ScannerSource;
import org.vitaleterminal.hal.scanner.ScannerSources;
import org.vitaleterminal.hal.scanner.ScannerState;
import org.vitaleterminal.hal.scanner.Threads;

/**
 * A scanner in USB-CDC mode played by the master side of a pseudo-terminal; the source opens
 * the slave through jSerialComm from a {@code scanner.source} setting, as on a terminal.
 */
@Timeout(30)
class SerialScannerPtyTest {

    @Test
    void linesFramingCountersAndAPromptClose() throws Exception {
        assumeTrue(Pty.supported(), "needs Linux pseudo-terminals");
        try (Pty pty = Pty.open()) {
            ScannerSource scanner = new ScannerSources(ScannerSources.DEFAULT_BACKOFF, new RecordingPause())
                    .create("serial:" + pty.slavePath() + ",max=64");
            LineCollector lines = new LineCollector();
            try {
                scanner.start(lines);
                pty.write("VT1:FIRST\r\n");
                assertEquals("VT1:FIRST", lines.next(Duration.ofSeconds(10)));
                assertEquals(ScannerState.READING, scanner.state());
                pty.write("VT1:CR\rHC1:LF\n" + "X".repeat(65) + "\r\nVT1:\u0007BEL\r\nVT1:AFTER\r\n");
                assertEquals("VT1:CR", lines.next(Duration.ofSeconds(10)));
                assertEquals("HC1:LF", lines.next(Duration.ofSeconds(10)));
                assertEquals("VT1:AFTER", lines.next(Duration.ofSeconds(10)));
                assertEquals(new ScannerCounts(4, 1, 1, 0), scanner.counts());
            } finally {
                scanner.close();
            }
            assertEquals(ScannerState.STOPPED, scanner.state());
            assertFalse(Threads.alive("scanner serial:" + pty.slavePath()), "no thread left behind");
            assertEquals(List.of(), lines.drain());
        }
    }
}
