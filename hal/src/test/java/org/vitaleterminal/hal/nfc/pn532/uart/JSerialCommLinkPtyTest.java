package org.vitaleterminal.hal.nfc.pn532.uart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vitaleterminal.hal.Pty;
import org.vitaleterminal.hal.nfc.ReaderFailureException;
import org.vitaleterminal.hal.nfc.pn532.Hex;
import org.vitaleterminal.hal.nfc.pn532.Pn532Frame;
import org.vitaleterminal.hal.nfc.pn532.Pn532FrameParser;
import org.vitaleterminal.hal.nfc.pn532.Pn532Frames;
import org.vitaleterminal.hal.nfc.pn532.Pn532NfcReader;
import org.vitaleterminal.hal.nfc.pn532.Pn532Readers;

/**
 * The jSerialComm adapter on a real pseudo-terminal (Linux only), as the simulator will use it:
 * raw bytes both ways, read timeouts, input discarding, and a reader opened from a
 * {@code pn532:uart:/dev/pts/N} URI against a minimal chip on the master side.
 */
@Timeout(30)
class JSerialCommLinkPtyTest {
    private Pty pty;

    @BeforeEach
    void openPty() throws IOException {
        assumeTrue(Pty.supported(), "needs Linux pseudo-terminals");
        pty = Pty.open();
    }

    @AfterEach
    void closePty() {
        if (pty != null) {
            pty.close();
        }
    }

    private static byte[] allBytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    @Test
    void everyByteValuePassesUnchangedBothWays() throws Exception {
        try (JSerialCommLink link = JSerialCommLink.open(pty.slavePath(), 115_200)) {
            link.write(allBytes());
            assertArrayEquals(allBytes(), pty.read(256, Duration.ofSeconds(5)), "no echo, no CR/LF or XON/XOFF mangling");

            pty.write(allBytes());
            byte[] got = new byte[256];
            int n = 0;
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (n < 256 && System.nanoTime() < end) {
                byte[] chunk = new byte[512];
                int k = link.read(chunk, Duration.ofMillis(200));
                System.arraycopy(chunk, 0, got, n, Math.min(k, 256 - n));
                n += k;
            }
            assertArrayEquals(allBytes(), got);
        }
    }

    @Test
    void aReadWithoutDataTimesOut() throws Exception {
        try (JSerialCommLink link = JSerialCommLink.open(pty.slavePath(), 115_200)) {
            long start = System.nanoTime();
            assertEquals(0, link.read(new byte[16], Duration.ofMillis(50)));
            long ms = (System.nanoTime() - start) / 1_000_000;
            // jSerialComm waits in 100 ms steps on Linux: 50 ms become up to ~100
            assertTrue(ms >= 40 && ms < 1000, ms + " ms");
        }
    }

    @Test
    void discardDropsWhatArrived() throws Exception {
        try (JSerialCommLink link = JSerialCommLink.open(pty.slavePath(), 115_200)) {
            pty.write(Hex.bytes("01 02 03 04"));
            Thread.sleep(50);
            link.discardInput();
            assertEquals(0, link.read(new byte[16], Duration.ofMillis(1)));
        }
    }

    @Test
    void aMissingDeviceIsAReaderFailureNamingTheUri() {
        ReaderFailureException e = assertThrows(ReaderFailureException.class,
                () -> Pn532Readers.open("pn532:uart:/dev/no-such-tty"));
        assertTrue(e.getMessage().contains("pn532:uart:/dev/no-such-tty"), e.getMessage());
    }

    @Test
    void aReaderOpensFromAUriOnThePty() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        StringBuilder seen = new StringBuilder();
        Thread chip = new Thread(() -> answer(stop, seen), "pty-chip");
        chip.start();
        try (Pn532NfcReader reader = Pn532Readers.open("pn532:uart:" + pty.slavePath())) {
            assertEquals("PN532 v1.6 on pn532:uart:" + pty.slavePath(), reader.describe());
            assertEquals(Optional.empty(), reader.poll(Duration.ZERO));
        } finally {
            stop.set(true);
            chip.join(5000);
        }
        assertTrue(seen.toString().startsWith("55 55 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF 03 FD D4 14 01"),
                seen.toString());
    }

    /** A minimal chip: ACKs every command and answers it (firmware 32 01 06 07, no target). */
    private void answer(AtomicBoolean stop, StringBuilder seen) {
        Pn532FrameParser parser = new Pn532FrameParser();
        try {
            while (!stop.get()) {
                byte[] in = pty.read(1, Duration.ofMillis(20));
                if (in.length == 0) {
                    continue;
                }
                synchronized (seen) {
                    seen.append(seen.isEmpty() ? "" : " ").append(Hex.of(in));
                }
                parser.feed(in);
                for (Optional<Pn532Frame> f = parser.next(); f.isPresent(); f = parser.next()) {
                    if (f.get() instanceof Pn532Frame.Information i) {
                        int code = i.code();
                        byte[] payload = switch (code) {
                            case 0x02 -> Hex.bytes("32 01 06 07");
                            case 0x4A -> Hex.bytes("00");
                            default -> new byte[0];
                        };
                        pty.write(Hex.concat(Pn532Frames.ack(),
                                Pn532Frames.information(0xD5, Hex.concat(new byte[] {(byte) (code + 1)}, payload))));
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
