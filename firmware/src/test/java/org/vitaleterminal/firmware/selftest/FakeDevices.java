package org.vitaleterminal.firmware.selftest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.vitaleterminal.firmware.nfc.NfcReaderFactory;
import org.vitaleterminal.firmware.run.Devices;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.hal.camera.SourceState;
import org.vitaleterminal.hal.camera.SourceStatus;
import org.vitaleterminal.hal.indicator.ConsoleIndicator;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.indicator.Patterns;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcReader;
import org.vitaleterminal.hal.nfc.NfcTarget;
import org.vitaleterminal.hal.nfc.ResponseApdu;
import org.vitaleterminal.hal.scanner.ScannerCounts;
import org.vitaleterminal.hal.scanner.ScannerSource;
import org.vitaleterminal.hal.scanner.ScannerState;
import org.vitaleterminal.sim.camera.VirtualCamera;

/** The terminal's devices for selftest tests: each one working by default, each replaceable by a broken one. */
final class FakeDevices implements Devices {
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    Supplier<FrameSource> camera = () -> VirtualCamera.builder().blank(1000).build();
    ScannerState scannerReaches = ScannerState.READING;
    NfcReaderFactory readers = uri -> new WorkingReader(uri);
    final AtomicBoolean readerClosed = new AtomicBoolean();

    @Override
    public FrameSource camera(String setting) {
        return camera.get();
    }

    @Override
    public ScannerSource scanner(String setting) {
        return new FakeScanner(setting, scannerReaches);
    }

    @Override
    public NfcReaderFactory nfcReaders() {
        return readers;
    }

    @Override
    public Indicator indicator(String setting) {
        return new ConsoleIndicator(new PrintStream(console, true, StandardCharsets.UTF_8), Clock.systemUTC(),
                Patterns.standard());
    }

    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** A camera whose capture process keeps dying: never a frame. */
    static FrameSource deadCamera() {
        return new FrameSource() {
            @Override
            public void start() {}

            @Override
            public Optional<LumaFrame> next(Duration maxWait) throws InterruptedException {
                Thread.sleep(maxWait.toMillis());
                return Optional.empty();
            }

            @Override
            public SourceStatus status() {
                return new SourceStatus(SourceState.RESTARTING, "rpicam-vid exited with status 255", 0, 0, 0, 3,
                        Duration.ofSeconds(2));
            }

            @Override
            public String describe() {
                return "rpicam 1280x720@30";
            }

            @Override
            public void close() {}
        };
    }

    /** A camera stuck in its driver: start() never returns. */
    static FrameSource stuckCamera(CountDownLatch released) {
        FrameSource dead = deadCamera();
        return new FrameSource() {
            @Override
            public void start() {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    released.countDown();
                }
            }

            @Override
            public Optional<LumaFrame> next(Duration maxWait) throws InterruptedException {
                return dead.next(maxWait);
            }

            @Override
            public SourceStatus status() {
                return dead.status();
            }

            @Override
            public String describe() {
                return dead.describe();
            }

            @Override
            public void close() {}
        };
    }

    private final class WorkingReader implements NfcReader {
        private final String uri;

        WorkingReader(String uri) {
            this.uri = uri;
        }

        @Override
        public Optional<NfcTarget> poll(Duration timeout) {
            return Optional.empty();
        }

        @Override
        public ResponseApdu transmit(NfcTarget target, byte[] commandApdu, int maxResponseBytes) throws NfcException {
            throw new AssertionError("selftest must not talk to a phone");
        }

        @Override
        public boolean isPresent(NfcTarget target) {
            return false;
        }

        @Override
        public void release(NfcTarget target) {}

        @Override
        public String describe() {
            return "PN532 v1.6 on " + uri;
        }

        @Override
        public void close() {
            readerClosed.set(true);
        }
    }

    private static final class FakeScanner implements ScannerSource {
        private final String setting;
        private final ScannerState reaches;
        private volatile ScannerState state = ScannerState.NEW;

        FakeScanner(String setting, ScannerState reaches) {
            this.setting = setting;
            this.reaches = reaches;
        }

        @Override
        public void start(Consumer<String> lines) {
            state = reaches;
        }

        @Override
        public ScannerState state() {
            return state;
        }

        @Override
        public ScannerCounts counts() {
            return new ScannerCounts(0, 0, 0, 0);
        }

        @Override
        public String describe() {
            return setting;
        }

        @Override
        public void close() {
            state = ScannerState.STOPPED;
        }
    }
}
