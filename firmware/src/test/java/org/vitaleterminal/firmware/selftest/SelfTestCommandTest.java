package org.vitaleterminal.firmware.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.firmware.cli.CommandContext;
import org.vitaleterminal.firmware.cli.ExitStatus;
import org.vitaleterminal.firmware.mqtt.MosquittoBroker;
import org.vitaleterminal.firmware.outbox.SqliteOutbox;
import org.vitaleterminal.firmware.outbox.UuidV7;
import org.vitaleterminal.hal.nfc.ReaderFailureException;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * {@code vitale-terminal selftest} in-process against fake devices and a real Mosquitto: a
 * healthy terminal passes, and each kind of breakage gives a FAIL line naming the problem and a
 * fix, and exit 1.
 */
@Timeout(60)
class SelfTestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SelfTestTimings FAST = new SelfTestTimings(Duration.ofSeconds(10), Duration.ofSeconds(2),
            Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(10),
            Duration.ofMillis(20));
    private static final String RPICAM = "rpicam:width=1280,height=720,fps=30";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;

    private final FakeDevices devices = new FakeDevices();
    private final Map<String, String> keys = new LinkedHashMap<>();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Path timesyncFlag;
    private SelfTestTimings timings = FAST;

    @BeforeEach
    void healthyTerminal() throws IOException {
        SampleWorld world = SampleWorld.create(SimRandom.seeded(41), NOW);
        Path frames = Files.createDirectories(dir.resolve("frames"));
        keys.put("terminal.id", "pharma-0042-t1");
        keys.put("site.id", "750012345");
        keys.put("site.kind", "pharmacy");
        keys.put("state.dir", Files.createDirectories(dir.resolve("state")).toString());
        keys.put("trust.roots", Files.writeString(dir.resolve("root.pem"), world.rootPem()).toString());
        keys.put("trust.list", Files.write(dir.resolve("trust-list.cose"), world.trustList()).toString());
        keys.put("camera.source", "dir:" + frames);
        keys.put("scanner.source", "evdev:/dev/input/event3");
        keys.put("nfc.reader", "pn532:i2c:1:0x24");
        keys.put("indicator", "console");
        keys.put("mqtt.url", "tcp://127.0.0.1:" + closedPort());
        timesyncFlag = Files.writeString(dir.resolve("synchronized"), "");
    }

    @Test
    void aHealthyTerminalPassesEveryCheckAndPlaysTheTestPattern() throws Exception {
        try (MosquittoBroker broker = broker()) {
            keys.put("mqtt.url", broker.tcpUrl());
            Run run = run();
            assertEquals(ExitStatus.OK, run.exit, run.out);
            for (String name : List.of("configuration", "state-dir", "trust-list", "clock", "clock-sync", "broker",
                    "camera", "scanner", "nfc", "indicator")) {
                assertTrue(run.line(name).startsWith("PASS"), run.out);
            }
            assertTrue(run.line("camera").matches("PASS +camera +.*: \\d+ frames of 640x480 in .*"), run.line("camera"));
            assertTrue(run.line("nfc").contains("PN532 v1.6 on pn532:i2c:1:0x24"), run.line("nfc"));
            assertTrue(run.line("broker").contains("connected as pharma-0042-t1-selftest"), run.line("broker"));
            assertTrue(run.out.strip().endsWith("selftest passed: 10 passed, 0 warning(s), 0 failed, 0 skipped"), run.out);
            assertTrue(devices.readerClosed.get(), "the reader is closed after its check");
            String signals = devices.console();
            assertTrue(signals.indexOf("ACCEPTED") < signals.indexOf("REJECTED") && signals.contains("IDLE"), signals);
            assertFalse(Files.exists(dir.resolve("state/clock-high-water")), "selftest never writes the mark");
            try (var files = Files.list(dir.resolve("state"))) {
                assertEquals(List.of(), files.toList(), "state.dir left as found");
            }
        }
    }

    @Test
    void jsonHasTheSameResultsAsTheTable() throws Exception {
        keys.put("nfc.reader", "none");
        devices.camera = FakeDevices::deadCamera;
        Run table = run();
        Run json = run("--json");
        assertEquals(ExitStatus.REJECTED, json.exit);
        JsonNode report = JSON.readTree(json.out);
        assertEquals("vt.selftest/1", report.get("format").asText());
        assertFalse(report.get("ok").asBoolean());
        List<String> fromJson = new ArrayList<>();
        for (JsonNode check : report.get("checks")) {
            fromJson.add(check.get("status").asText() + " " + check.get("name").asText());
            String status = check.get("status").asText();
            assertEquals(status.equals("FAIL") || status.equals("WARN"), !check.get("fix").isNull(), check.toString());
            assertTrue(table.line(check.get("name").asText()).contains(check.get("detail").asText()), check.toString());
        }
        List<String> fromTable = table.lines().stream().limit(10)
                .map(l -> l.split(" +")[0] + " " + l.split(" +")[1]).toList();
        assertEquals(fromTable, fromJson);
        assertTrue(fromJson.contains("SKIP nfc") && fromJson.contains("FAIL camera") && fromJson.contains("FAIL broker"),
                fromJson.toString());
    }

    @Test
    void aBrokenConfigurationIsAFailLineAndTheOtherChecksAreSkipped() throws Exception {
        keys.remove("terminal.id");
        Run run = run();
        assertEquals(ExitStatus.REJECTED, run.exit);
        String line = run.line("configuration");
        assertTrue(line.startsWith("FAIL") && line.contains("terminal.id") && line.contains("missing")
                && line.contains("— fix: correct it in the file"), line);
        assertTrue(run.line("camera").startsWith("SKIP") && run.line("broker").startsWith("SKIP"), run.out);
        assertTrue(run.line("clock-sync").startsWith("PASS"), "needs no configuration: " + run.out);
        assertEquals("", devices.console(), "no device touched");
    }

    @Test
    void aStaleTrustListFails() throws Exception {
        clock = Clock.fixed(NOW.plus(Duration.ofDays(30)), ZoneOffset.UTC);
        Run run = run();
        assertEquals(ExitStatus.REJECTED, run.exit);
        String line = run.line("trust-list");
        assertTrue(line.startsWith("FAIL") && line.contains("STALE") && line.contains("fix: restore the broker connection")
                && line.contains("trust import"), line);
    }

    @Test
    void aClockBelowItsHighWaterMarkFails() throws Exception {
        Files.writeString(dir.resolve("state/clock-high-water"), "vt.clock-high-water/1 2026-11-28T10:00:00Z\n");
        Run run = run();
        assertEquals(ExitStatus.REJECTED, run.exit);
        String line = run.line("clock");
        assertTrue(line.startsWith("FAIL") && line.contains("below the high-water mark 2026-11-28T10:00:00Z")
                && line.contains("fix: let NTP set the clock"), line);
    }

    @Test
    void aClockNotSynchronisedIsOnlyAWarning() throws Exception {
        Files.delete(timesyncFlag);
        Run run = run();
        String line = run.line("clock-sync");
        assertTrue(line.startsWith("WARN") && line.contains("fix: connect the network"), line);
        assertFalse(run.out.lines().toList().getLast().contains("clock-sync"), "not among the failures: " + run.out);
    }

    @Test
    void anUnreachableBrokerFailsWithTheFix() throws Exception {
        Run run = run();
        assertEquals(ExitStatus.REJECTED, run.exit);
        String line = run.line("broker");
        assertTrue(line.startsWith("FAIL") && line.contains("connection refused by 127.0.0.1:")
                && line.contains("fix: check the port in mqtt.url"), line);
        assertTrue(run.out.strip().endsWith("skipped") && run.out.contains("selftest FAILED (required: broker)"), run.out);
    }

    @Test
    void aCameraWithoutFramesFails() throws Exception {
        keys.put("camera.source", RPICAM);
        devices.camera = FakeDevices::deadCamera;
        String line = run().line("camera");
        assertTrue(line.startsWith("FAIL") && line.contains("no frame within") && line.contains("rpicam-vid exited")
                && line.contains("fix: check the ribbon cable"), line);
    }

    @Test
    void aReaderThatDoesNotAnswerFails() throws Exception {
        devices.readers = uri -> {
            throw new ReaderFailureException("PN532 did not acknowledge GetFirmwareVersion");
        };
        String line = run().line("nfc");
        assertTrue(line.startsWith("FAIL") && line.contains("pn532:i2c:1:0x24: PN532 did not acknowledge")
                && line.contains("fix: check the wiring") && line.contains("i2cdetect"), line);
    }

    @Test
    void aMissingScannerFails() throws Exception {
        devices.scannerReaches = org.vitaleterminal.hal.scanner.ScannerState.WAITING_FOR_DEVICE;
        String line = run().line("scanner");
        assertTrue(line.startsWith("FAIL") && line.contains("device not open") && line.contains("fix: plug the scanner in"),
                line);
    }

    @Test
    void devicesConfiguredNoneAreSkippedNotFailed() throws Exception {
        try (MosquittoBroker broker = broker()) {
            keys.put("mqtt.url", broker.tcpUrl());
            keys.put("camera.source", "none");
            keys.put("scanner.source", "none");
            keys.put("nfc.reader", "none");
            keys.put("indicator", "none");
            Run run = run();
            assertEquals(ExitStatus.OK, run.exit, run.out);
            assertTrue(run.line("camera").matches("SKIP +camera +none configured"), run.out);
            assertTrue(run.line("indicator").startsWith("SKIP"), run.out);
        }
    }

    @Test
    void aStuckDeviceBecomesAFailLineAndTheNextChecksStillRun() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        keys.put("camera.source", RPICAM);
        devices.camera = () -> FakeDevices.stuckCamera(interrupted);
        timings = FAST.withCheckTimeout(Duration.ofSeconds(1));
        Run run = run();
        assertTrue(run.line("camera").startsWith("FAIL") && run.line("camera").contains("did not finish within 1 s")
                && run.line("camera").contains("fix: check the ribbon cable"), run.out);
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the stuck check was interrupted");
        assertTrue(run.line("indicator").startsWith("PASS"), run.out);
    }

    @Test
    void whileTheTerminalRunsItsDevicesAreLeftAlone() throws Exception {
        Path state = dir.resolve("state");
        try (SqliteOutbox outbox = SqliteOutbox.open(state.resolve(SqliteOutbox.FILE_NAME), 10, clock, new UuidV7(clock,
                SimRandom.seeded(1)))) {
            outbox.depth();
            devices.camera = () -> {
                throw new AssertionError("the camera must not be opened while the terminal runs");
            };
            Run run = run();
            assertTrue(run.line("camera").startsWith("SKIP") && run.line("camera").contains("in use by the running terminal")
                    && run.line("camera").contains("sudo systemctl stop vitale-terminal"), run.out);
            assertTrue(run.line("nfc").startsWith("SKIP"), run.out);
            assertEquals("", devices.console(), "indicator not driven");
        }
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        SelfTestCommand command = command();
        org.junit.jupiter.api.Assertions.assertThrows(org.vitaleterminal.firmware.cli.UsageException.class,
                () -> command.run(List.of("--verbose"), context(new ByteArrayOutputStream())));
    }

    private SelfTestCommand command() {
        return new SelfTestCommand(context -> devices, timesyncFlag, new OutboxLockProbe(OutboxLockProbe.PROC_LOCKS),
                timings);
    }

    private Run run(String... options) throws Exception {
        StringBuilder text = new StringBuilder();
        keys.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path config = Files.writeString(dir.resolve("terminal.properties"), text);
        List<String> arguments = new ArrayList<>(List.of("--config", config.toString()));
        arguments.addAll(List.of(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = command().run(arguments, context(out));
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    private CommandContext context(ByteArrayOutputStream out) {
        return new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), clock, Map.of(), dir);
    }

    private MosquittoBroker broker() throws IOException, InterruptedException {
        return MosquittoBroker.plain(Files.createDirectories(dir.resolve("broker"))).start();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Run(int exit, String out) {
        List<String> lines() {
            return out.lines().toList();
        }

        String line(String check) {
            return lines().stream().filter(l -> l.split(" +").length > 1 && l.split(" +")[1].equals(check)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line for " + check + " in\n" + out));
        }
    }
}
