package org.vitaleterminal.firmware.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.firmware.cli.Version;
import org.vitaleterminal.firmware.event.DecisionReporter;
import org.vitaleterminal.firmware.event.FseEvents;
import org.vitaleterminal.firmware.mqtt.Backoff;
import org.vitaleterminal.firmware.mqtt.MqttSupervisor;
import org.vitaleterminal.firmware.mqtt.Telemetry;
import org.vitaleterminal.firmware.mqtt.TerminalStatus;
import org.vitaleterminal.firmware.outbox.SqliteOutbox;
import org.vitaleterminal.firmware.outbox.UuidV7;
import org.vitaleterminal.firmware.qr.PayloadDebouncer;
import org.vitaleterminal.firmware.qr.QrFrameDecoder;
import org.vitaleterminal.firmware.qr.QrScanCounters;
import org.vitaleterminal.firmware.qr.QrScanner;
import org.vitaleterminal.firmware.state.ClockHighWaterMark;
import org.vitaleterminal.firmware.state.SqliteReplayGuard;
import org.vitaleterminal.firmware.trust.TerminalTrust;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.indicator.Signal;
import org.vitaleterminal.hal.scanner.ScannerSource;

/**
 * The running terminal: devices → decode → verify → signal → outbox → MQTT, assembled from its
 * settings and stopped in the order that loses nothing. State that must survive a restart (the
 * outbox with its {@code seq}, the replay cache, the clock high-water mark, the trust list) lives
 * in {@code state.dir}.
 */
public final class Terminal implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Terminal.class.getName());

    private final TerminalSettings settings;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Instant startedAt;
    private final TerminalTrust trust;
    private final ClockHighWaterMark clockMark;
    private final SqliteReplayGuard replay;
    private final SqliteOutbox outbox;
    private final FaultLight indicator;
    private final ScheduledExecutorService faultChecks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fault-light");
        thread.setDaemon(true);
        return thread;
    });
    private final TerminalMetrics metrics = new TerminalMetrics();
    private final QrScanCounters qrCounters = new QrScanCounters();
    private final MqttSupervisor mqtt;
    private final List<InputLoop> inputs = new ArrayList<>();
    private final Map<String, InputLoop> inputsByDevice = new LinkedHashMap<>();
    private CameraInput camera;
    private volatile boolean stopped;
    private volatile long depthAtStop = -1;

    private Terminal(TerminalSettings settings, TerminalTrust trust, Devices devices, Clock clock,
                     LongSupplier nanoTime) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.startedAt = clock.instant();
        this.trust = trust;
        Files.createDirectories(settings.stateDir());
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            clockMark = ClockHighWaterMark.open(settings.stateDir().resolve(ClockHighWaterMark.FILE_NAME), clock);
            opened.add(clockMark);
            replay = SqliteReplayGuard.open(settings.stateDir().resolve(SqliteReplayGuard.FILE_NAME),
                    SqliteReplayGuard.DEFAULT_CAPACITY, clock);
            opened.add(replay);
            outbox = SqliteOutbox.open(settings.outbox().file(), settings.outbox().capacity(), clock,
                    new UuidV7(clock, new java.security.SecureRandom()));
            opened.add(outbox);
            indicator = new FaultLight(devices.indicator(settings.indicator()), this::cannotServe, nanoTime);
            opened.add(indicator);
            CredentialVerifier verifier = new CredentialVerifier(
                    settings.policy().withDemoMode(settings.demo()), replay);
            FseEvents events = new FseEvents(settings.identity(), Version.current(), clock);
            DecisionReporter reporter = new DecisionReporter(outbox, events, indicator, clock);
            this.mqtt = new MqttSupervisor(settings.mqtt(), outbox, this::status, this::telemetry,
                    Optional.of(trust.updater(clock)), clock,
                    new Backoff(settings.mqtt().backoffBase(), settings.mqtt().backoffCap(), new Random()));
            DecisionPath path = new DecisionPath(verifier, this::terminalState, reporter, mqtt::wake, metrics, nanoTime);

            FrameSource frames = devices.camera(settings.camera());
            camera = new CameraInput(frames, new QrScanner(QrFrameDecoder.create(qrCounters),
                    new PayloadDebouncer(PayloadDebouncer.DEFAULT_FORGET_AFTER), qrCounters), path, metrics, nanoTime);
            add("camera", camera, !TerminalSettings.NONE.equals(settings.camera()));
            ScannerSource scanner = devices.scanner(settings.scanner());
            add("scanner", new ScannerInput(scanner, path, nanoTime), !TerminalSettings.NONE.equals(settings.scanner()));
            if (!TerminalSettings.NONE.equals(settings.nfcReader())) {
                add("nfc", new NfcInput(settings.nfcReader(), devices.nfcReaders(), verifier, this::terminalState, path,
                        indicator, clock, nanoTime), true);
            }
        } catch (IOException | RuntimeException e) {
            closeAll(opened); // a device that fails to open must not leave the state files locked
            throw e;
        }
    }

    private void add(String device, InputLoop input, boolean configured) {
        inputs.add(input);
        if (configured) {
            inputsByDevice.put(device, input);
        }
    }

    /**
     * Opens the state, the indicator and the broker connection, and starts every input.
     *
     * @throws IOException when the state directory or the indicator cannot be opened
     */
    public static Terminal start(TerminalSettings settings, TerminalTrust trust, Devices devices, Clock clock)
            throws IOException {
        Terminal terminal = new Terminal(settings, trust, devices, clock, System::nanoTime);
        try {
            terminal.startAll();
        } catch (RuntimeException e) {
            terminal.close(); // inputs started so far are stopped and the state files closed
            throw e;
        }
        return terminal;
    }

    private void startAll() {
        trust.loadProblem().ifPresent(problem -> LOG.warning("trust list: " + problem));
        indicator.check();
        faultChecks.scheduleWithFixedDelay(indicator::check, 1, 1, TimeUnit.SECONDS);
        mqtt.start();
        inputs.forEach(InputLoop::start);
        LOG.info("terminal " + settings.identity().terminalId() + " running: " + String.join(", ",
                inputsByDevice.keySet()));
    }

    /**
     * The terminal cannot serve: no usable trust list (missing or past exp + grace), an untrusted
     * clock, or a configured device in fault. The red blink stays on meanwhile ({@link FaultLight}).
     */
    private boolean cannotServe() {
        try {
            Optional<TrustList> list = trust.holder().current();
            return list.isEmpty() || list.get().isStale(clock.instant(), settings.policy().trustListGrace())
                    || !clockMark.check()
                    || inputsByDevice.values().stream().anyMatch(input -> "fault".equals(input.state()));
        } catch (RuntimeException e) {
            return true; // the clock mark could not be written: the terminal's own state is failing
        }
    }

    private TerminalState terminalState() {
        Instant now = clock.instant();
        return new TerminalState(now, clockMark.check(), trust.holder().current().orElse(null), Hc1TrustStore.empty());
    }

    /** The inputs' threads make progress (the scan loop above all). */
    public boolean inputsAlive() {
        return stopped || inputs.stream().allMatch(InputLoop::alive);
    }

    /** The outbox answers (its database is open and answers a query; the depth alone is a counter). */
    public boolean outboxAlive() {
        if (stopped) {
            return true;
        }
        try {
            outbox.oldestAge();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The MQTT supervisor's thread runs (being disconnected from the broker is not a fault). */
    public boolean mqttAlive() {
        return stopped || mqtt.isRunning();
    }

    /** The retained status message's content (mqtt-events spec §3). */
    public TerminalStatus status() {
        Optional<TrustList> list = trust.holder().current();
        Map<String, String> devices = new LinkedHashMap<>();
        devices.put("camera", deviceState("camera"));
        devices.put("nfc", deviceState("nfc"));
        devices.put("scanner", deviceState("scanner"));
        devices.put("indicator", indicator.describe().equals("none") ? "absent" : "ok");
        return new TerminalStatus(Version.current(),
                list.map(l -> OptionalLong.of(l.version())).orElse(OptionalLong.empty()),
                list.map(TrustList::expiresAt), outbox.depth(), clockMark.check(), devices);
    }

    private String deviceState(String device) {
        InputLoop input = inputsByDevice.get(device);
        return input == null ? "absent" : input.state();
    }

    /** The telemetry message's content (mqtt-events spec §4). */
    public Telemetry telemetry() {
        Optional<TrustList> list = trust.holder().current();
        Instant now = clock.instant();
        Map<String, Telemetry.Latency> latencies = new LinkedHashMap<>();
        latencies.put("decode", metrics.decode().summary());
        latencies.put("verify", metrics.verify().summary());
        latencies.put("endToEnd", metrics.endToEnd().summary());
        return new Telemetry(Duration.between(startedAt, now),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), outbox.depth(), outbox.oldestAge(),
                list.map(l -> OptionalLong.of(l.version())).orElse(OptionalLong.empty()),
                list.map(l -> Duration.between(l.issuedAt(), now)), clockMark.check(), metrics.acceptedCount(),
                metrics.rejectedByReason(), qrCounters.snapshot().frames(), camera.framesDropped(), latencies);
    }

    public TerminalMetrics metrics() {
        return metrics;
    }

    /** Events waiting for the broker (after a stop: as the outbox was closed). */
    public long outboxDepth() {
        return depthAtStop >= 0 ? depthAtStop : outbox.depth();
    }

    /**
     * The SIGTERM path: stop the inputs (a decision in flight finishes and is committed), then let
     * the publisher flush the outbox as far as the broker allows within {@code deadline}, publish
     * {@code offline}, and close the state. Whatever is left stays in the outbox for next time.
     */
    public synchronized void stop(Duration deadline) throws InterruptedException {
        if (stopped) {
            return;
        }
        stopped = true;
        faultChecks.shutdownNow();
        long end = nanoTime.getAsLong() + deadline.toNanos();
        // Interrupted or not, every part is stopped and the state closed: an interrupt only cuts
        // the waiting short (no drain), it must not leave the state files open and locked.
        InterruptedException interrupted = null;
        for (InputLoop input : inputs) {
            try {
                input.stop();
            } catch (InterruptedException e) {
                interrupted = e;
            }
        }
        try {
            mqtt.stop(interrupted != null ? Duration.ZERO : Duration.ofNanos(Math.max(0, end - nanoTime.getAsLong())));
        } catch (InterruptedException e) {
            interrupted = e;
        }
        indicator.show(Signal.IDLE);
        depthAtStop = outbox.depth();
        closeAll(List.of(indicator, outbox, replay, clockMark));
        LOG.info("terminal stopped; " + depthAtStop + " event(s) left in the outbox");
        if (interrupted != null) {
            throw interrupted;
        }
    }

    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeAll(List<? extends AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warning("closing " + resource.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
