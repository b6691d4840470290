package org.vitaleterminal.firmware.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.firmware.trust.TrustListHolder;
import org.vitaleterminal.firmware.trust.TrustListStore;
import org.vitaleterminal.firmware.trust.TrustListUpdater;
import org.vitaleterminal.firmware.trust.TrustUpdateOutcome;
import org.vitaleterminal.firmware.trust.TrustUpdates;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.trust.TrustListAuthority;
import org.vitaleterminal.sim.trust.TrustListContent;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * The supervisor and publisher against a real Mosquitto on loopback: order and deletion on
 * PUBACK, the first connection failing for a while, a broker restart in the middle of a burst,
 * the retained status and Last Will, telemetry, and trust lists arriving on {@code vt/v1/trust}.
 * {@code mosquitto_sub}/{@code mosquitto_pub} act as independent peers where it matters.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MqttSupervisorTest {
    private static final String SITE = "site-1";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;

    private final InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<MqttSupervisor> supervisors = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (MqttSupervisor supervisor : supervisors) {
            supervisor.stop(Duration.ZERO);
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void deliversEveryEventInSeqOrderAndDeletesItOnPuback() throws Exception {
        MosquittoBroker broker = broker().start();
        String terminal = "t-order";
        Process sub = startMosquittoSub(broker, "vt/v1/" + SITE + "/" + terminal + "/fse", 500);
        outbox.appendEvents(500);
        MqttSupervisor supervisor = supervisor(broker, terminal, Duration.ofSeconds(1), Optional.empty(), () -> status(-1));
        supervisor.start();

        List<Long> seqs = new ArrayList<>(); // mosquitto_sub exits after 500 messages, or after WAIT
        for (String line : new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{")) {
                seqs.add(Subscriber.seqOf(line));
            }
        }
        assertTrue(sub.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(500, seqs.size());
        assertFirstOccurrencesInOrder(seqs, 500);
        assertEquals(seqs.stream().distinct().count(), seqs.size(), "no duplicates without a connection loss");
        await(() -> outbox.depth() == 0, "the outbox empties as PUBACKs arrive");

        // more appended later only need a wake
        try (Subscriber fse = subscriber(broker, "backend-order", "vt/v1/" + SITE + "/" + terminal + "/fse")) {
            outbox.appendEvents(3);
            supervisor.wake();
            assertEquals(List.of(501L, 502L, 503L), fse.seqsUntil(3, WAIT));
        }
        try (Subscriber telemetry = subscriber(broker, "backend-telemetry", "vt/v1/" + SITE + "/" + terminal + "/telemetry")) {
            Subscriber.Message sample = telemetry.next(Duration.ofSeconds(10));
            assertNotNull(sample, "telemetry every second");
            assertTrue(sample.payload().contains("\"uptimeS\":") && sample.payload().contains("\"outbox\":{\"depth\":"),
                    sample.payload());
        }
        supervisor.stop(Duration.ofSeconds(5));
        assertNoPahoThreadsOf(terminal);
    }

    @Test
    void retainedOnlineAfterConnectAndOfflineOnAGracefulStop() throws Exception {
        MosquittoBroker broker = broker().start();
        String terminal = "t-status";
        MqttSupervisor supervisor = supervisor(broker, terminal, Duration.ofSeconds(60), Optional.empty(), () -> status(7));
        supervisor.start();
        await(supervisor::isConnected, "connects");
        String statusTopic = "vt/v1/" + SITE + "/" + terminal + "/status";
        try (Subscriber late = subscriber(broker, "monitor-1", statusTopic)) {
            Subscriber.Message online = late.next(statusTopic, WAIT);
            assertNotNull(online);
            assertTrue(online.retained(), "a monitor subscribing later still learns the state");
            assertTrue(online.payload().startsWith("{\"state\":\"online\""), online.payload());
            assertTrue(online.payload().contains("\"trustListVersion\":7"), online.payload());
            assertTrue(online.payload().contains("\"devices\":{\"camera\":\"ok\",\"nfc\":\"absent\"}"), online.payload());

            outbox.appendEvents(20);
            supervisor.wake();
            supervisor.stop(Duration.ofSeconds(10));
            assertEquals(0, outbox.depth(), "the graceful stop drained the outbox first");
            Subscriber.Message offline = late.next(statusTopic, WAIT);
            assertNotNull(offline);
            assertTrue(offline.payload().startsWith("{\"state\":\"offline\""), offline.payload());
        }
        try (Subscriber later = subscriber(broker, "monitor-2", statusTopic)) {
            Subscriber.Message retained = later.next(statusTopic, WAIT);
            assertTrue(retained.retained() && retained.payload().startsWith("{\"state\":\"offline\""), retained.payload());
        }
        assertNoPahoThreadsOf(terminal);
    }

    @Test
    void theLastWillSaysOfflineWhenTheTerminalVanishes() throws Exception {
        MosquittoBroker broker = broker().start();
        String terminal = "t-will";
        String statusTopic = "vt/v1/" + SITE + "/" + terminal + "/status";
        MqttSupervisor supervisor = supervisor(broker, terminal, Duration.ofSeconds(60), Optional.empty(), () -> status(1));
        try (Subscriber monitor = subscriber(broker, "monitor-will", statusTopic)) {
            supervisor.start();
            assertTrue(monitor.next(statusTopic, WAIT).payload().contains("\"online\""));
            supervisor.crash();
            Subscriber.Message will = monitor.next(statusTopic, WAIT);
            assertNotNull(will, "the broker published the Last Will");
            assertEquals("{\"state\":\"offline\"}", will.payload());
        }
        assertNoPahoThreadsOf(terminal);
    }

    @Test
    void firstConnectionFailsWithBackoffThenTheBacklogDrainsInOrder() throws Exception {
        MosquittoBroker broker = broker().start();
        String terminal = "t-late";
        String topic = "vt/v1/" + SITE + "/" + terminal + "/fse";
        // The back end's durable session exists before the outage, so the broker keeps its messages.
        subscriberDurable(broker, "backend-late", topic).close();
        broker.stop();

        outbox.appendEvents(400);
        MqttSupervisor supervisor = supervisor(broker, terminal, Duration.ofSeconds(60), Optional.empty(), () -> status(1));
        supervisor.start();
        await(() -> supervisor.connectAttempts() >= 5, "keeps trying while the broker is down");
        assertFalse(supervisor.isConnected());
        assertEquals(400, outbox.depth(), "nothing is lost or dropped while the broker is down");

        broker.start();
        try (Subscriber backend = subscriberDurable(broker, "backend-late", topic)) {
            List<Long> seqs = backend.seqsUntil(400, WAIT);
            assertFirstOccurrencesInOrder(seqs, 400);
        }
        await(() -> outbox.depth() == 0, "the outbox empties");
        assertTrue(supervisor.isConnected());
    }

    @Test
    void aBrokerRestartInTheMiddleOfABurstLosesNothingAndKeepsTheOrder() throws Exception {
        MosquittoBroker broker = broker().start();
        String terminal = "t-restart";
        String topic = "vt/v1/" + SITE + "/" + terminal + "/fse";
        try (Subscriber backend = subscriberDurable(broker, "backend-restart", topic)) {
            outbox.appendEvents(2000);
            MqttSupervisor supervisor = supervisor(broker, terminal, Duration.ofSeconds(60), Optional.empty(), () -> status(1));
            supervisor.start();
            await(() -> outbox.depth() <= 1900, "the burst has started");
            broker.stop();
            long depthWhileDown = outbox.depth();
            assertTrue(depthWhileDown > 0, "the broker went down in the middle of the burst");
            outbox.appendEvents(500); // the terminal keeps deciding while the broker is down
            supervisor.wake();
            broker.start();

            List<Long> seqs = backend.seqsUntil(2500, Duration.ofSeconds(60));
            assertFirstOccurrencesInOrder(seqs, 2500);
            await(() -> outbox.depth() == 0, "the outbox empties");
            assertTrue(supervisor.connectAttempts() >= 2, "it reconnected");
        }
    }

    @Test
    void trustListsFromTheTopicAreVerifiedStoredAndSwappedOrRefused() throws Exception {
        SampleWorld world = SampleWorld.create(SimRandom.seeded(2026), NOW);
        TrustRoot root = TrustRoot.fromPem(world.rootPem());
        TrustList v1 = TrustListReader.read(world.trustList(), List.of(root));
        Path state = Files.createDirectories(dir.resolve("state"));
        TrustListStore store = new TrustListStore(state);
        TrustListHolder holder = new TrustListHolder(v1);
        TrustListUpdater updater = new TrustListUpdater(List.of(root), store, holder, Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofHours(72));
        BlockingQueue<TrustUpdateOutcome> outcomes = new LinkedBlockingQueue<>();
        TrustUpdates recording = (bytes, source) -> {
            TrustUpdateOutcome outcome = updater.offer(bytes, source);
            outcomes.add(outcome);
            return outcome;
        };

        MosquittoBroker broker = broker().start();
        String terminal = "t-trust";
        String statusTopic = "vt/v1/" + SITE + "/" + terminal + "/status";
        MqttSupervisor supervisor = supervisor(broker, terminal, Duration.ofSeconds(60), Optional.of(recording),
                () -> status(holder.current().map(TrustList::version).orElse(-1L)));
        try (Subscriber monitor = subscriber(broker, "monitor-trust", statusTopic)) {
            supervisor.start();
            assertTrue(monitor.next(statusTopic, WAIT).payload().contains("\"trustListVersion\":1"));

            byte[] v2 = world.authority().sign(content(world, 2));
            publishTrustList(broker, v2);
            TrustUpdateOutcome installed = outcomes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(TrustUpdateOutcome.Result.INSTALLED, installed.result(), installed.toString());
            assertEquals(2, holder.current().orElseThrow().version(), "used from the next verification on");
            assertArrayEquals(v2, Files.readAllBytes(store.listFile()), "stored in the state directory");
            assertEquals(2, store.recordedHighest());
            Subscriber.Message status = monitor.next(statusTopic, WAIT);
            assertTrue(status.payload().contains("\"trustListVersion\":2"), "the status shows the new version: " + status);

            TrustListAuthority impostor = new TrustListAuthority(SampleWorld.AUTHORITY_ID, SimKeyPair.p256(SimRandom.seeded(7)));
            byte[] badSignature = world.authority().sign(content(world, 6));
            badSignature[badSignature.length - 1] ^= 1;
            Map<String, byte[]> refused = new java.util.LinkedHashMap<>();
            refused.put("ROLLBACK", world.trustList());
            refused.put("UNKNOWN_ROOT", impostor.sign(content(world, 5)));
            refused.put("BAD_SIGNATURE", badSignature);
            refused.put("MALFORMED", "not a trust list".getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, byte[]> bad : refused.entrySet()) {
                publishTrustList(broker, bad.getValue());
                TrustUpdateOutcome outcome = outcomes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertNotNull(outcome, bad.getKey());
                assertEquals(TrustUpdateOutcome.Result.REFUSED, outcome.result(), bad.getKey());
                assertEquals(bad.getKey(), outcome.reason().orElseThrow().name());
                assertEquals(2, holder.current().orElseThrow().version(), "the old list stays in use");
                assertArrayEquals(v2, Files.readAllBytes(store.listFile()), "the stored list is untouched");
            }
            assertEquals(2, store.recordedHighest());
        }
    }

    // ---------------------------------------------------------------------------------------

    private static TrustListContent content(SampleWorld world, long version) {
        return TrustListContent.builder().version(version).issuedAt(NOW).expiresAt(NOW.plus(Duration.ofDays(7)))
                .issuerKey(world.cnam().keyEntry());
    }

    /** mosquitto_pub as the trust-list publisher: retained, QoS 1, binary from a file. */
    private void publishTrustList(MosquittoBroker broker, byte[] bytes) throws IOException, InterruptedException {
        Path file = Files.write(Files.createTempFile(dir, "trust", ".cose"), bytes);
        Process pub = new ProcessBuilder(MosquittoBroker.requireTool("mosquitto_pub").toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(broker.port()), "-i", "trust-publisher", "-t", MqttTopics.TRUST, "-q", "1", "-r",
                "-f", file.toString()).redirectErrorStream(true).start();
        try {
            assertTrue(pub.waitFor(10, TimeUnit.SECONDS), "mosquitto_pub finished");
            assertEquals(0, pub.exitValue(), new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            pub.destroyForcibly();
        }
    }

    /**
     * mosquitto_sub as the back end, exiting after {@code count} messages. Its output is
     * block-buffered (no progress can be read while it runs), so it first registers a persistent
     * session ({@code -c -E}: subscribe, wait for SUBACK, exit); the broker then keeps the
     * messages for it until the second run, which prints them.
     */
    private Process startMosquittoSub(MosquittoBroker broker, String topic, int count)
            throws IOException, InterruptedException {
        List<String> common = List.of(MosquittoBroker.requireTool("mosquitto_sub").toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(broker.port()), "-i", "backend-sub", "-c", "-t", topic, "-q", "1");
        List<String> register = new ArrayList<>(common);
        register.add("-E");
        Process session = new ProcessBuilder(register).redirectErrorStream(true).start();
        toClose.add(session::destroyForcibly);
        assertTrue(session.waitFor(10, TimeUnit.SECONDS) && session.exitValue() == 0,
                () -> "mosquitto_sub -E: " + new String(readAll(session), StandardCharsets.UTF_8));
        List<String> receive = new ArrayList<>(common);
        receive.addAll(List.of("-C", String.valueOf(count), "-W", String.valueOf(WAIT.toSeconds())));
        Process sub = new ProcessBuilder(receive).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        toClose.add(sub::destroyForcibly);
        return sub;
    }

    private static byte[] readAll(Process process) {
        try {
            return process.getInputStream().readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private MosquittoBroker broker() throws IOException {
        MosquittoBroker broker = MosquittoBroker.plain(Files.createDirectories(dir.resolve("broker")));
        toClose.add(broker);
        return broker;
    }

    private Subscriber subscriber(MosquittoBroker broker, String id, String topic) throws Exception {
        return new Subscriber(broker.tcpUrl(), id, topic);
    }

    private Subscriber subscriberDurable(MosquittoBroker broker, String id, String topic) throws Exception {
        Subscriber subscriber = new Subscriber(broker.tcpUrl(), id, topic, true, null);
        toClose.add(subscriber);
        return subscriber;
    }

    private MqttSupervisor supervisor(MosquittoBroker broker, String terminal, Duration telemetryInterval,
                                      Optional<TrustUpdates> trust, Supplier<TerminalStatus> status) {
        MqttSettings settings = MqttSettings.of(broker.tcpUrl(), new MqttTopics(SITE, terminal), Optional.empty())
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .withTelemetryInterval(telemetryInterval);
        MqttSupervisor supervisor = new MqttSupervisor(settings, outbox, status, MqttSupervisorTest::telemetry, trust,
                Clock.systemUTC(), new Backoff(settings.backoffBase(), settings.backoffCap(), new Random(1)));
        supervisors.add(supervisor);
        return supervisor;
    }

    private TerminalStatus status(long trustListVersion) {
        Map<String, String> devices = new java.util.LinkedHashMap<>();
        devices.put("camera", "ok");
        devices.put("nfc", "absent");
        return new TerminalStatus("test", trustListVersion < 0 ? OptionalLong.empty() : OptionalLong.of(trustListVersion),
                Optional.empty(), outbox.depth(), true, devices);
    }

    private static Telemetry telemetry() {
        return new Telemetry(Duration.ofSeconds(5), 1024, 0, Optional.empty(), OptionalLong.of(1), Optional.empty(),
                true, 3, Map.of("STALE", 1L), 100, 2, Map.of("verify", new Telemetry.Latency(0.2, 0.4)));
    }

    /** The first time each seq appears, it is the next one: 1, 2, 3… — duplicates may follow, gaps may not. */
    static void assertFirstOccurrencesInOrder(List<Long> seqs, int expectedDistinct) {
        long next = 1;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (long seq : seqs) {
            if (seen.add(seq)) {
                assertEquals(next, seq, "first occurrences must follow seq order; got " + seq + " before " + next);
                next++;
            }
        }
        assertEquals(expectedDistinct, seen.size(), "every event arrived");
    }

    static void assertNoPahoThreadsOf(String clientId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(name -> name.contains(clientId)).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("threads left behind: " + left);
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(5);
        }
    }
}
