package org.vitaleterminal.sim.nfc.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.vitaleterminal.sim.nfc.chip.Pn532Timing;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;
import org.vitaleterminal.sim.nfc.testing.ChipStream;
import org.vitaleterminal.sim.nfc.testing.Hex;
import org.vitaleterminal.sim.nfc.testing.TestHost;

@EnabledOnOs(OS.LINUX)
class Pn532PtyTest {
    /** Reads exactly {@code n} bytes or fails after {@code timeoutMillis}. */
    private static byte[] readExactly(InputStream in, int n, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + Hex.of(out.toByteArray()));
            }
            if (in.available() > 0) {
                out.write(in.read());
            } else {
                Thread.onSpinWait();
            }
        }
        return out.toByteArray();
    }

    private static long servingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("virtual-pn532") && t.isAlive()).count();
    }

    @Test
    void aClientTalksToTheChipThroughTheSlaveAndCloseLeavesNoThread() throws Exception {
        long before = servingThreads();
        VirtualPn532 chip = VirtualPn532.builder().timing(Pn532Timing.instant()).build();
        Pn532Pty pty = Pn532Pty.open(chip);
        try (FileOutputStream out = new FileOutputStream(pty.slavePath());
                FileInputStream in = new FileInputStream(pty.slavePath())) {
            assertTrue(pty.slavePath().startsWith("/dev/pts/"), pty.slavePath());
            assertTrue(Files.exists(Path.of(pty.slavePath())));
            out.write(TestHost.WAKE_UP);
            out.write(ChipStream.command(0x14, 0x01));
            out.flush();
            assertEquals("00 00 FF 00 FF 00 00 00 FF 02 FE D5 15 16 00", Hex.of(readExactly(in, 15, 2000)));
            out.write(ChipStream.command(0x02));
            assertEquals("00 00 FF 00 FF 00 00 00 FF 06 FA D5 03 32 01 06 07 E8 00", Hex.of(readExactly(in, 19, 2000)));
        } finally {
            pty.close();
        }
        assertFalse(pty.isRunning());
        assertNull(pty.failure());
        assertEquals(before, servingThreads());
    }

    @Test
    void pacingTakesTheWireTimeAt115200() throws Exception {
        VirtualPn532 chip = VirtualPn532.builder().timing(Pn532Timing.instant()).build();
        try (Pn532Pty pty = Pn532Pty.open(chip, true);
                FileOutputStream out = new FileOutputStream(pty.slavePath());
                FileInputStream in = new FileInputStream(pty.slavePath())) {
            out.write(TestHost.WAKE_UP);
            out.write(ChipStream.command(0x14, 0x01));
            readExactly(in, 15, 2000);
            byte[] diagnose = new byte[264];
            byte[] frame = ChipStream.command(diagnose); // 275 bytes each way
            long start = System.nanoTime();
            out.write(frame);
            byte[] answer = readExactly(in, 6 + 275, 5000);
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            assertEquals(6 + 275, answer.length);
            long wire = (frame.length + answer.length) * 10_000_000L / 115_200; // µs
            assertTrue(micros >= wire * 0.95, micros + " µs for " + wire + " µs of wire time");
            assertTrue(micros < wire + 500_000, micros + " µs");
        }
    }
}
