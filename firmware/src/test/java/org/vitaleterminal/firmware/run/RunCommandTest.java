package org.vitaleterminal.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.firmware.cli.CommandContext;
import org.vitaleterminal.firmware.cli.ExitStatus;
import org.vitaleterminal.firmware.cli.UsageException;
import org.vitaleterminal.firmware.json.EventSchema;
import org.vitaleterminal.firmware.mqtt.MosquittoBroker;
import org.vitaleterminal.firmware.mqtt.Subscriber;
import org.vitaleterminal.firmware.nfc.NfcReaderFactory;
import org.vitaleterminal.firmware.systemd.UnixDatagramReceiver;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.hal.camera.SourceState;
import org.vitaleterminal.hal.camera.SourceStatus;
import org.vitaleterminal.hal.indicator.ConsoleIndicator;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.indicator.Patterns;
import org.vitaleterminal.hal.scanner.ScannerSource;
import org.vitaleterminal.hal.scanner.ScannerSources;
import org.vitaleterminal.sim.camera.VirtualCamera;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * {@code vitale-terminal run} end to end with a real Mosquitto: a virtual camera shows patients'
 * phones, the real scan loop decodes and verifies them, events go through the SQLite outbox to
 * the broker, and a stop request (what SIGTERM does) drains and publishes {@code offline}.
 */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Clock clock = Clock.system(ZoneId.of("Europe/Paris"));

    @Test
    @Timeout(60)
    void phonesShownToTheCameraBecomeEventsAtTheBrokerAndAStopDrainsAndSaysOffline() throws Exception {
        SampleWorld world = SampleWorld.create(SimRandom.seeded(31), clock.instant());
        SecureRandom random = SimRandom.seeded(32);
        Wallet adult = world.singleAdult();
        try (MosquittoBroker broker = MosquittoBroker.plain(Files.createDirectories(dir.resolve("broker"))).start();
             Subscriber backEnd = new Subscriber(broker.tcpUrl(), "back-end", "vt/v1/750012345/pharma-0042-t1/#")) {
            // the setting names a real folder (it is checked); the test's devices show the virtual camera instead
            Path frames = Files.createDirectories(dir.resolve("frames"));
            Path config = config(world, broker.tcpUrl(), "dir:" + frames);
            FrameSource camera = VirtualCamera.builder()
                    .show(() -> adult.presentQr(clock.instant(), random, 0), 30).blank(15)
                    .show(() -> world.expired().presentQr(clock.instant(), random, 0), 30).blank(15)
                    .show("https://example.org/not-a-credential", 30).blank(15)
                    .show(() -> world.revoked().presentQr(clock.instant(), random, 0), 30).blank(30)
                    .build();
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            StopRequests stop = StopRequests.manual();
            RunCommand run = new RunCommand(context -> devices(camera, console), () -> stop, TerminalLifecycle.NONE);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return run.run(List.of("--config", config.toString()), context(err));
                } catch (UsageException e) {
                    throw new IllegalStateException(e);
                }
            });

            List<JsonNode> events = new ArrayList<>();
            while (events.size() < 3) {
                Subscriber.Message message = backEnd.next("vt/v1/750012345/pharma-0042-t1/fse", Duration.ofSeconds(20));
                assertNotNull(message, "3 events expected, got " + events.size() + "\n" + err);
                assertEquals(List.of(), EventSchema.published().errors(message.payload()), message.payload());
                events.add(JSON.readTree(message.payload()));
            }
            stop.request("test stop");
            assertEquals(ExitStatus.OK, exit.get(20, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));

            assertEquals("presentation.accepted", events.get(0).get("type").asText());
            assertEquals("qr", events.get(0).get("channel").asText());
            assertEquals(adult.credential().insured().nir(), events.get(0).at("/insured/nir").asText());
            assertEquals("EXPIRED", events.get(1).get("reason").asText());
            assertEquals("REVOKED", events.get(2).get("reason").asText());
            for (int i = 0; i < 3; i++) {
                assertEquals(i + 1, events.get(i).get("seq").asLong(), "seq strictly increasing from 1");
            }
            for (JsonNode rejected : events.subList(1, 3)) {
                String text = rejected.toString();
                assertFalse(text.contains(world.expired().credential().insured().nir()), text);
                assertFalse(text.contains(world.revoked().credential().insured().nir()), text);
            }
            String signals = console.toString(StandardCharsets.UTF_8);
            assertTrue(signals.contains("ACCEPTED") && signals.contains("REJECTED"), signals);

            List<String> statuses = new ArrayList<>();
            for (Subscriber.Message m : backEnd.drain()) {
                if (m.topic().endsWith("/status")) {
                    statuses.add(JSON.readTree(m.payload()).get("state").asText());
                }
            }
            assertEquals("offline", statuses.get(statuses.size() - 1), "offline published on stop: " + statuses);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("0 event(s) wait in the outbox"),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    /** A camera that cannot work (its status says FAILED): the red blink comes on while it lasts. */
    @Test
    @Timeout(60)
    void aFailedCameraBlinksRed() throws Exception {
        SampleWorld world = SampleWorld.create(SimRandom.seeded(35), clock.instant());
        FrameSource failed = new FrameSource() {
            @Override
            public void start() {}

            @Override
            public Optional<LumaFrame> next(Duration maxWait) throws InterruptedException {
                Thread.sleep(maxWait.toMillis());
                return Optional.empty();
            }

            @Override
            public SourceStatus status() {
                return new SourceStatus(SourceState.FAILED, "no such device", 0, 0, 0, 0, Duration.ZERO);
            }

            @Override
            public String describe() {
                return "failed camera";
            }

            @Override
            public void close() {}
        };
        Path frames = Files.createDirectories(dir.resolve("frames"));
        Path config = config(world, "tcp://127.0.0.1:1", "dir:" + frames);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        StopRequests stop = StopRequests.manual();
        RunCommand run = new RunCommand(context -> devices(failed, console), () -> stop, TerminalLifecycle.NONE);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return run.run(List.of("--config", config.toString()), context(err));
            } catch (UsageException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!console.toString(StandardCharsets.UTF_8).contains("FAULT") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stop.request("test stop");
        assertEquals(ExitStatus.OK, exit.get(20, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("FAULT"), console.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(30)
    void aBadDeviceSettingStopsBeforeAnyDeviceIsTouched() throws Exception {
        SampleWorld world = SampleWorld.create(SimRandom.seeded(33), clock.instant());
        Path config = config(world, "tcp://127.0.0.1:1", "rpicam:width=1000,height=720");
        RunCommand run = new RunCommand(context -> {
            throw new AssertionError("devices must not be opened for a bad configuration");
        }, StopRequests::manual, TerminalLifecycle.NONE);
        UsageException e = assertThrows(UsageException.class,
                () -> run.run(List.of("--config", config.toString()), context(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("camera.source") && e.getMessage().contains(config.toString())
                && e.getMessage().contains("multiple of 64"), e.getMessage());
    }

    @Test
    @Timeout(60)
    void underSystemdItSaysReadyFeedsTheWatchdogAndSaysStopping() throws Exception {
        SampleWorld world = SampleWorld.create(SimRandom.seeded(34), clock.instant());
        String socket = "@vitale-terminal-run-test-" + java.util.UUID.randomUUID();
        Map<String, String> environment = Map.of("NOTIFY_SOCKET", socket, "WATCHDOG_USEC", "400000",
                "WATCHDOG_PID", Long.toString(ProcessHandle.current().pid()));
        try (MosquittoBroker broker = MosquittoBroker.plain(Files.createDirectories(dir.resolve("broker"))).start();
             UnixDatagramReceiver systemd = new UnixDatagramReceiver(socket)) {
            Path frames = Files.createDirectories(dir.resolve("frames"));
            Path config = config(world, broker.tcpUrl(), "dir:" + frames);
            StopRequests stop = StopRequests.manual();
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            RunCommand run = new RunCommand(context -> devices(VirtualCamera.builder().blank(1).build(), console),
                    () -> stop, context -> new SystemdLifecycle(context.environment()));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CommandContext context = new CommandContext(new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), clock, environment, dir);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return run.run(List.of("--config", config.toString()), context);
                } catch (UsageException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> received = new ArrayList<>();
            while (received.stream().filter(m -> m.equals("WATCHDOG=1")).count() < 3) {
                String message = systemd.receive(5000).orElseThrow(() -> new AssertionError("no notification; got "
                        + received + "\n" + err));
                received.add(message);
            }
            assertTrue(received.get(0).startsWith("READY=1"), "READY first: " + received);
            stop.request("test stop");
            assertEquals(ExitStatus.OK, exit.get(20, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
            List<String> after = new ArrayList<>();
            for (var m = systemd.receive(1000); m.isPresent(); m = systemd.receive(500)) {
                after.add(m.get());
            }
            assertTrue(after.stream().anyMatch(m -> m.startsWith("STOPPING=1")), "STOPPING after the stop: " + after);
        }
    }

    private CommandContext context(ByteArrayOutputStream err) {
        return new CommandContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock, Map.of(), dir);
    }

    private Path config(SampleWorld world, String brokerUrl, String camera) throws IOException {
        Path root = Files.writeString(dir.resolve("root.pem"), world.rootPem());
        Path list = Files.write(dir.resolve("trust-list.cose"), world.trustList());
        return Files.writeString(dir.resolve("terminal.properties"), String.join("\n",
                "terminal.id=pharma-0042-t1",
                "site.id=750012345",
                "site.kind=pharmacy",
                "state.dir=" + dir.resolve("state"),
                "trust.roots=" + root,
                "trust.list=" + list,
                "camera.source=" + camera,
                "indicator=console",
                "mqtt.url=" + brokerUrl) + "\n");
    }

    private static Devices devices(FrameSource camera, ByteArrayOutputStream console) {
        return new Devices() {
            @Override
            public FrameSource camera(String setting) {
                return camera;
            }

            @Override
            public ScannerSource scanner(String setting) {
                return ScannerSources.system().create("none");
            }

            @Override
            public NfcReaderFactory nfcReaders() {
                return uri -> fail("no NFC reader configured");
            }

            @Override
            public Indicator indicator(String setting) {
                return new ConsoleIndicator(new PrintStream(console, true, StandardCharsets.UTF_8),
                        Clock.systemUTC(), Patterns.standard());
            }
        };
    }
}
