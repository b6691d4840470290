package org.vitaleterminal.hal.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vitaleterminal.hal.scanner.serial.SerialLineDecoder;

/**
 * {@link DeviceScanner#close()} from awkward places: the consumer itself, or while a consumer hangs.
 * The timeout runs the test on a thread of its own, so a close() that hangs fails the test
 * instead of freezing the build.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DeviceScannerTest {

    /** Opens once a device that sends {@code text} and then stays silent; fails after that. */
    private static RawDevice.Opener sendingOnce(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        boolean[] opened = {false};
        return () -> {
            if (opened[0]) {
                throw new IOException("opened once already (test)");
            }
            opened[0] = true;
            return new RawDevice() {
                private boolean sent;

                @Override
                public int read(byte[] buffer, Duration timeout) throws IOException {
                    if (!sent) {
                        sent = true;
                        System.arraycopy(bytes, 0, buffer, 0, bytes.length);
                        return bytes.length;
                    }
                    try {
                        Thread.sleep(timeout);
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException("closed (test)");
                    }
                    return 0;
                }

                @Override
                public void close() {}
            };
        };
    }

    private static DeviceScanner scanner(String description, String text) {
        return new DeviceScanner(description, sendingOnce(text), SerialLineDecoder::new,
                LineAssembler.DEFAULT_MAX_LENGTH, ScannerSources.DEFAULT_BACKOFF, new RecordingPause());
    }

    private static void awaitStopped(DeviceScanner scanner) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (scanner.state() != ScannerState.STOPPED && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(ScannerState.STOPPED, scanner.state());
    }

    @Test
    void theLineConsumerMayCloseTheScanner() throws Exception {
        DeviceScanner scanner = scanner("test:self-close", "VT1:X\n");
        CountDownLatch closeReturned = new CountDownLatch(1);
        scanner.start(line -> {
            scanner.close(); // on the scanner's own thread: must not wait for itself
            closeReturned.countDown();
        });
        assertTrue(closeReturned.await(10, TimeUnit.SECONDS), "close() returned on the scanner's thread");
        awaitStopped(scanner);
        assertFalse(Threads.alive("scanner test:self-close"));
    }

    @Test
    void closeGivesUpOnAConsumerThatIgnoresInterrupts() throws Exception {
        DeviceScanner scanner = scanner("test:deaf-consumer", "VT1:X\n");
        CountDownLatch inConsumer = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scanner.start(line -> {
            inConsumer.countDown();
            while (true) {
                try {
                    release.await();
                    return;
                } catch (InterruptedException e) {
                    // deaf to close()'s interrupt, like a consumer stuck in uninterruptible I/O
                }
            }
        });
        assertTrue(inConsumer.await(10, TimeUnit.SECONDS));

        long start = System.nanoTime();
        scanner.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(DeviceScanner.JOIN_PATIENCE.plusSeconds(5)) < 0, "close() took " + took);
        assertTrue(Threads.alive("scanner test:deaf-consumer"), "the stuck thread was left, not waited for");

        release.countDown();
        awaitStopped(scanner); // once the consumer returns, the thread sees the close and ends
        assertFalse(Threads.alive("scanner test:deaf-consumer"));
    }
}
