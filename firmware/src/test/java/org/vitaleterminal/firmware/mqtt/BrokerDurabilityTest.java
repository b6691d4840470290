package org.vitaleterminal.firmware.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.firmware.outbox.ChildJvm;

/**
 * The broker half of the durability promise: a child JVM ({@link PublishingProducer}) appends
 * events to a {@code SqliteOutbox} while the real {@link MqttSupervisor} publishes them to a real
 * Mosquitto; the test kills the child with SIGKILL at seeded random points, restarts it on the
 * same state directory, and at the end lets one last child drain the outbox completely. A
 * durable QoS 1 back-end subscriber collects everything the broker delivered, and the test checks:
 * every committed event arrived at least once; the first time each arrives, seqs come in strictly
 * increasing order with no gap; nothing arrived that was never committed (seq, eventId and the
 * payload all match a committed event); seqs are never reused across restarts.
 *
 * <p>"Committed" is what the children reported after {@code append} returned, plus at most one
 * event per kill whose report the kill cut off: the next child's {@code ready} line gives the
 * outbox's counter, which tells whether such an append happened (and it must then be the newest).
 */
class BrokerDurabilityTest {
    private static final int ROUNDS = 24;
    private static final long SEED = 20261127_5L;
    private static final String FSE = "vt/v1/" + PublishingProducer.SITE + "/" + PublishingProducer.TERMINAL + "/fse";
    private static final Pattern EVENT = Pattern.compile("\\{\"seq\":(\\d+),\"eventId\":\"([0-9a-f-]{36})\",");

    @TempDir
    Path dir;

    /** seq → eventId of everything reported committed, over all rounds. */
    private final Map<Long, String> reported = new TreeMap<>();
    /** seqs committed by an append whose report the kill cut off (eventId learnt from the broker). */
    private final Set<Long> unreported = new HashSet<>();
    /** The outbox counter as far as the reports and ready lines tell. */
    private long knownLastSeq;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyCommittedEventReachesTheBrokerInOrderAcrossSigkills() throws Exception {
        Random random = new Random(SEED);
        Path stateDir = Files.createDirectory(dir.resolve("state"));
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        try (MosquittoBroker broker = MosquittoBroker.plain(Files.createDirectory(dir.resolve("broker"))).start();
             Subscriber backEnd = new Subscriber(broker.tcpUrl(), "durable-back-end", FSE, true, null)) {
            int killedWhileRunning = 0;
            int earlyKills = 0;
            int publishingKills = 0;
            List<Subscriber.Message> beforeDrain = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                boolean early = round % 6 == 5; // sometimes while the JVM starts, the outbox opens or Paho connects
                ChildJvm child = ChildJvm.start(PublishingProducer.class, List.of(stateDir.toString(), broker.tcpUrl()),
                        tmp, dir.resolve("child-" + round));
                try {
                    if (early) {
                        Thread.sleep(random.nextInt(700));
                    } else {
                        assertTrue(child.awaitLine("ready", 60), "child did not open the outbox: " + child.stderr());
                        if (round % 2 == 1) {
                            // kill while publishing: once events flow to the back end again
                            Subscriber.Message first = backEnd.next(Duration.ofSeconds(30));
                            assertNotNull(first, "round " + round + ": nothing published: " + child.stderr());
                            beforeDrain.add(first);
                            publishingKills++;
                            Thread.sleep(random.nextInt(300));
                        } else {
                            Thread.sleep(random.nextInt(600));
                        }
                    }
                } finally {
                    killedWhileRunning += child.kill() ? 1 : 0;
                }
                earlyKills += child.lines().stream().noneMatch(line -> line.startsWith("ready")) ? 1 : 0;
                readReports(round, child.lines());
                beforeDrain.addAll(backEnd.drain());
            }
            int receivedBeforeDrain = beforeDrain.size();

            ChildJvm last = ChildJvm.start(PublishingProducer.class,
                    List.of(stateDir.toString(), broker.tcpUrl(), "--drain"), tmp, dir.resolve("child-drain"));
            try {
                assertTrue(last.awaitLine("drained", 90), "the last child did not drain the outbox: " + last.lines()
                        + "\n" + last.stderr());
                assertTrue(last.process().waitFor(30, TimeUnit.SECONDS), "the last child did not stop by itself");
                assertEquals(0, last.process().exitValue(), last.stderr());
            } finally {
                last.kill();
            }
            readReports(ROUNDS, last.lines());

            List<Subscriber.Message> received = collectUntilAllArrived(backEnd, beforeDrain);
            checkDelivery(received);
            System.out.printf("broker durability: %d rounds (%d killed while running, %d during startup, %d while publishing), %d events"
                            + " committed (%d with their report cut by the kill), %d messages received (%d duplicates),"
                            + " %d of them before the final drain%n", ROUNDS, killedWhileRunning, earlyKills, publishingKills,
                    reported.size() + unreported.size(), unreported.size(), received.size(),
                    received.size() - reported.size() - unreported.size(), receivedBeforeDrain);
            assertTrue(publishingKills >= ROUNDS / 3, "kills while publishing: " + publishingKills);
            assertTrue(killedWhileRunning >= ROUNDS - 2, "children should die by SIGKILL, not by themselves");
            assertTrue(reported.size() > ROUNDS * 5, "the children committed too few events to test anything: "
                    + reported.size());
        }
    }

    /** What one child promised: its ready line against the counter so far, then its commits. */
    private void readReports(int round, List<String> lines) {
        for (String line : lines) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "ready" -> {
                    long lastSeq = Long.parseLong(words[1]);
                    if (lastSeq == knownLastSeq + 1) {
                        unreported.add(lastSeq); // the previous child committed it and was killed before saying so
                    } else {
                        assertEquals(knownLastSeq, lastSeq, "round " + round + ": outbox counter at open");
                    }
                    knownLastSeq = lastSeq;
                }
                case "committed" -> {
                    long seq = Long.parseLong(words[1]);
                    assertEquals(knownLastSeq + 1, seq, "round " + round + ": seqs follow the counter, never reused");
                    assertEquals(null, reported.put(seq, words[2]), "round " + round + ": seq " + seq + " twice");
                    knownLastSeq = seq;
                }
                case "drained" -> { }
                default -> fail("round " + round + ": unexpected line from the child: " + line);
            }
        }
    }

    private List<Subscriber.Message> collectUntilAllArrived(Subscriber backEnd, List<Subscriber.Message> earlier)
            throws InterruptedException {
        Set<Long> committed = new HashSet<>(reported.keySet());
        committed.addAll(unreported);
        List<Subscriber.Message> received = new ArrayList<>(earlier);
        Set<Long> seen = new HashSet<>();
        received.forEach(m -> seen.add(Subscriber.seqOf(m.payload())));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!seen.containsAll(committed) && System.nanoTime() < deadline) {
            Subscriber.Message message = backEnd.next(Duration.ofMillis(200));
            if (message != null) {
                received.add(message);
                seen.add(Subscriber.seqOf(message.payload()));
            }
        }
        received.addAll(backEnd.drain());
        return received;
    }

    private void checkDelivery(List<Subscriber.Message> received) {
        Map<Long, String> idOf = new HashMap<>(reported);
        List<Long> firstOccurrences = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Subscriber.Message message : received) {
            assertEquals(FSE, message.topic());
            Matcher matcher = EVENT.matcher(message.payload());
            assertTrue(matcher.lookingAt(), "not an event of the outbox: " + message.payload());
            long seq = Long.parseLong(matcher.group(1));
            String eventId = matcher.group(2);
            assertTrue(reported.containsKey(seq) || unreported.contains(seq), "seq " + seq + " was never committed");
            String known = idOf.putIfAbsent(seq, eventId);
            assertEquals(known == null ? eventId : known, eventId, "seq " + seq + " arrived with another eventId");
            assertEquals(PublishingProducer.payloadText(seq, eventId), message.payload(), "payload of seq " + seq);
            if (seen.add(seq)) {
                firstOccurrences.add(seq);
            }
        }
        List<Long> committed = new ArrayList<>(new TreeMap<>(idOf).keySet());
        List<Long> missing = new ArrayList<>(reported.keySet());
        missing.addAll(unreported);
        missing.removeAll(seen);
        assertTrue(missing.isEmpty(), missing.size() + " committed events never reached the broker, e.g. seqs "
                + missing.subList(0, Math.min(20, missing.size())));
        assertEquals(committed, firstOccurrences, "first arrivals in strictly increasing seq order, without gaps");
        assertEquals(reported.size() + unreported.size(), committed.size());
    }
}
