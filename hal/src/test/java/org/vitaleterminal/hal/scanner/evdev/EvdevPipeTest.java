package org.vitaleterminal.hal.scanner.evdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.hal.scanner.LineCollector;
import org.vitaleterminal.hal.scanner.RecordingPause;
import org.vitaleterminal.hal.scanner.ScannerCounts;
import org.vitaleterminal.hal.scanner.ScannerSource;
import org.vitaleterminal.hal.scanner.ScannerSources;
import org.vitaleterminal.hal.scanner.ScannerState;
import org.vitaleterminal.hal.scanner.Threads;

/**
 * A live stream through a named pipe, opened from a {@code scanner.source} setting as the
 * terminal will: lines arrive while the scanner waits between scans, records may be split
 * across writes, and closing while nothing comes stops the thread at once.
 */
@Timeout(30)
class EvdevPipeTest {
    @TempDir
    Path dir;

    @Test
    void linesArriveLiveAndCloseStopsAnIdleReader() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux"), "needs Linux");
        Path fifo = dir.resolve("event-kbd");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        boolean made = mkfifo.waitFor() == 0 && Files.exists(fifo);
        if (!made && "true".equals(System.getenv("CI"))) {
            fail("mkfifo failed: install the coreutils Debian package");
        }
        assumeTrue(made, "needs mkfifo (Debian package coreutils)");

        // "rw" opens a FIFO without waiting for a reader (Linux): the writer side stays open,
        // so the reader sees silence, not an end, between scans
        try (RandomAccessFile writer = new RandomAccessFile(fifo.toFile(), "rw")) {
            ScannerSource scanner = new ScannerSources(ScannerSources.DEFAULT_BACKOFF, new RecordingPause())
                    .create("evdev:" + fifo + ",layout=fr");
            assertEquals("evdev:" + fifo + ",layout=fr", scanner.describe());
            LineCollector lines = new LineCollector();
            try {
                scanner.start(lines);
                byte[] first = new RecordedKeyboard(EventRecordLayout.ofThisJvm())
                        .line("HC1:NCFOXN%TS3DH", RecordedKeyboard.fr()).bytes();
                writer.write(first, 0, 37); // a record split across two writes
                writer.write(first, 37, first.length - 37);
                assertEquals("HC1:NCFOXN%TS3DH", lines.next(Duration.ofSeconds(10)));
                assertEquals(ScannerState.READING, scanner.state());

                writer.write(new RecordedKeyboard(EventRecordLayout.ofThisJvm())
                        .line("VT1:2", RecordedKeyboard.fr()).bytes());
                assertEquals("VT1:2", lines.next(Duration.ofSeconds(10)));
            } finally {
                scanner.close(); // the reader is idle in poll() now
            }
            assertEquals(ScannerState.STOPPED, scanner.state());
            assertFalse(Threads.alive("scanner evdev:" + fifo), "the scanner thread is gone");
            assertEquals(new ScannerCounts(2, 0, 0, 0), scanner.counts());
            assertEquals(List.of(), lines.drain());
        }
    }
}
