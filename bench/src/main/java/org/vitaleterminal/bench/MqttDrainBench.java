package org.vitaleterminal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import org.vitaleterminal.firmware.mqtt.Backoff;
import org.vitaleterminal.firmware.mqtt.MqttSettings;
import org.vitaleterminal.firmware.mqtt.MqttSupervisor;
import org.vitaleterminal.firmware.mqtt.MqttTopics;
import org.vitaleterminal.firmware.mqtt.Telemetry;
import org.vitaleterminal.firmware.mqtt.TerminalStatus;
import org.vitaleterminal.firmware.outbox.Outbox;
import org.vitaleterminal.firmware.outbox.SqliteOutbox;
import org.vitaleterminal.firmware.outbox.StoredEvent;
import org.vitaleterminal.firmware.outbox.UuidV7;

/**
 * How long a backlog of queued events takes to drain to a local Mosquitto (goal: 10,000 events
 * in ≤ 30 s). Not JMH: one drain is seconds of network I/O, measured end to end — from the
 * supervisor's start (connect included) to the outbox being empty — with a back-end subscriber
 * counting what arrived. Run:
 * <pre>
 * java -cp bench/target/benchmarks.jar org.vitaleterminal.bench.MqttDrainBench [--sqlite] [events] [runs] [window] [tcp://host:port]
 * </pre>
 * Without a URL it starts {@code mosquitto} on a free loopback port (Debian package mosquitto).
 * By default the outbox is in memory, so the figure is the MQTT side alone; with {@code --sqlite}
 * it is the terminal's {@link SqliteOutbox} (the backlog is written once, untimed, and each run
 * drains a fresh copy of that file), so each PUBACK costs a real {@code remove} commit.
 */
public final class MqttDrainBench {
    private MqttDrainBench() {}

    public static void main(String[] arguments) throws Exception {
        List<String> rest = new ArrayList<>(List.of(arguments));
        boolean sqlite = rest.remove("--sqlite");
        String[] args = rest.toArray(String[]::new);
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : MqttSettings.DEFAULT_WINDOW;
        LocalMosquitto broker = null;
        String url;
        if (args.length > 3) {
            url = args[3];
        } else {
            broker = LocalMosquitto.start(Files.createTempDirectory("mqtt-bench"));
            url = broker.url();
        }
        Path backlog = sqlite ? sqliteBacklog(events) : null;
        try {
            System.out.printf("%d events of ~%d bytes, window %d, %s, %s outbox%n", events, payload(1, "x").length + 36,
                    window, url, sqlite ? "SQLite" : "in-memory");
            System.out.println("| run | drain time (s) | events/s | received by the subscriber (distinct) | load average |");
            System.out.println("|---:|---:|---:|---:|---|");
            for (int run = 1; run <= runs; run++) {
                drainOnce(url, events, window, run, backlog);
            }
        } finally {
            if (backlog != null) {
                Files.deleteIfExists(backlog);
                Files.deleteIfExists(backlog.getParent());
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** Writes the backlog once into a SQLite outbox file (one fsynced commit per event: slow, untimed). */
    private static Path sqliteBacklog(int events) throws IOException {
        Path dir = Files.createTempDirectory("mqtt-bench-outbox");
        Path file = dir.resolve(SqliteOutbox.FILE_NAME);
        long start = System.nanoTime();
        try (SqliteOutbox outbox = SqliteOutbox.open(file, Math.max(events, SqliteOutbox.DEFAULT_CAPACITY),
                Clock.systemUTC(), new UuidV7(Clock.systemUTC(), new SecureRandom()))) {
            for (int i = 0; i < events; i++) {
                outbox.append(MqttDrainBench::payload);
            }
        }
        System.out.printf("backlog of %d events written to a SQLite outbox in %.1f s (untimed setup)%n", events,
                (System.nanoTime() - start) / 1e9);
        return file;
    }

    private static void drainOnce(String url, int events, int window, int run, Path backlog) throws Exception {
        Outbox outbox;
        Path copyDir = null;
        if (backlog == null) {
            MemoryOutbox memory = new MemoryOutbox();
            for (int i = 0; i < events; i++) {
                memory.append(MqttDrainBench::payload);
            }
            outbox = memory;
        } else {
            copyDir = Files.createTempDirectory("mqtt-bench-run");
            Path copy = Files.copy(backlog, copyDir.resolve(SqliteOutbox.FILE_NAME));
            outbox = SqliteOutbox.open(copy, Math.max(events, SqliteOutbox.DEFAULT_CAPACITY), Clock.systemUTC(),
                    new UuidV7(Clock.systemUTC(), new SecureRandom()));
        }
        String terminal = "bench-" + run;
        Set<String> received = ConcurrentHashMap.newKeySet();
        MqttClient backend = new MqttClient(url, "bench-backend-" + run, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        backend.connect(options);
        backend.subscribe("vt/v1/site/" + terminal + "/fse", 1,
                (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));

        MqttSettings settings = MqttSettings.of(url, new MqttTopics("site", terminal), Optional.empty()).withWindow(window);
        TerminalStatus status = new TerminalStatus("bench", OptionalLong.empty(), Optional.empty(), 0, true, Map.of());
        Telemetry telemetry = new Telemetry(Duration.ZERO, 0, 0, Optional.empty(), OptionalLong.empty(), Optional.empty(),
                true, 0, Map.of(), 0, 0, Map.of());
        MqttSupervisor supervisor = new MqttSupervisor(settings, outbox, () -> status, () -> telemetry, Optional.empty(),
                Clock.systemUTC(), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random()));
        long start = System.nanoTime();
        supervisor.start();
        while (outbox.depth() > 0) {
            Thread.sleep(1);
            if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(300)) {
                throw new IllegalStateException("not drained after 300 s; " + outbox.depth() + " left");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        supervisor.stop(Duration.ofSeconds(5));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.size() < events && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        backend.disconnect();
        backend.close();
        outbox.close();
        if (copyDir != null) {
            try (var files = Files.list(copyDir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(copyDir);
        }
        System.out.printf("| %d | %.2f | %.0f | %d | %s |%n", run, seconds, events / seconds, received.size(),
                org.vitaleterminal.bench.loop.LoadAverage.now());
    }

    /** About the size of an accepted FSE event. */
    private static byte[] payload(long seq, String eventId) {
        StringBuilder json = new StringBuilder("{\"schema\":\"vt.fse-event/1\",\"type\":\"presentation.accepted\",\"seq\":")
                .append(seq).append(",\"eventId\":\"").append(eventId).append("\",\"pad\":\"");
        json.append("x".repeat(1200));
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The outbox contract in memory: the figure measures the MQTT side only. */
    private static final class MemoryOutbox implements Outbox {
        private final ConcurrentSkipListMap<Long, StoredEvent> events = new ConcurrentSkipListMap<>();
        private long next = 1;

        @Override
        public synchronized StoredEvent append(EventWriter writer) {
            long seq = next++;
            String id = UUID.randomUUID().toString();
            StoredEvent event = new StoredEvent(seq, id, java.time.Instant.now(), writer.write(seq, id));
            events.put(seq, event);
            return event;
        }

        @Override
        public List<StoredEvent> after(long afterSeq, int max) {
            List<StoredEvent> result = new ArrayList<>(max);
            for (StoredEvent event : events.tailMap(afterSeq, false).values()) {
                if (result.size() == max) {
                    break;
                }
                result.add(event);
            }
            return result;
        }

        @Override
        public void remove(long seq) {
            events.remove(seq);
        }

        @Override
        public long depth() {
            return events.size();
        }

        @Override
        public Optional<Duration> oldestAge() {
            return Optional.empty();
        }

        @Override
        public void close() {}
    }
}
