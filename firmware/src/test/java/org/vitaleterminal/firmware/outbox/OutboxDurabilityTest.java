package org.vitaleterminal.firmware.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM ({@link OutboxProducer}) appends events to an outbox and drains it like the
 * publisher; the test kills it with SIGKILL at random points, restarts it, and after each kill
 * opens the outbox itself and checks what the child was promised: every event reported committed
 * is stored (same id, same payload) unless the consumer had started removing it, seqs are never
 * reused and grow across restarts, and nothing appears that the child did not commit — except the
 * one append whose report the kill cut off, which must then be the newest event.
 */
class OutboxDurabilityTest {
    private static final int ROUNDS = 30;
    private static final long SEED = 20261127L;

    @TempDir
    Path dir;

    /** Everything the children reported, over all rounds. */
    private final Map<Long, String> committed = new TreeMap<>();
    private final Set<Long> removing = new TreeSet<>();
    private int unreportedTotal;
    private int earlyKills;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void committedEventsSurviveSigkillAtRandomPoints() throws Exception {
        Random random = new Random(SEED);
        Path stateDir = Files.createDirectory(dir.resolve("state"));
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        long highestSeen = 0;
        int killedWhileRunning = 0;
        for (int round = 0; round < ROUNDS; round++) {
            boolean early = round % 5 == 4; // sometimes while the JVM starts or the outbox opens
            List<String> arguments = new ArrayList<>(List.of(stateDir.toString()));
            if (random.nextBoolean()) {
                arguments.add("--consume");
            }
            ChildJvm child = ChildJvm.start(OutboxProducer.class, arguments, tmp, dir.resolve("child-" + round));
            try {
                if (early) {
                    Thread.sleep(random.nextInt(800));
                } else {
                    assertTrue(child.awaitLine("ready", 60), "child did not open the outbox: " + child.stderr());
                    Thread.sleep(random.nextInt(250));
                }
            } finally {
                killedWhileRunning += child.kill() ? 1 : 0;
            }
            earlyKills += child.lines().stream().noneMatch(line -> line.startsWith("ready")) ? 1 : 0;
            highestSeen = checkAfterKill(round, child.lines(), stateDir, highestSeen);
        }
        System.out.printf("outbox durability: %d rounds, %d events committed, %d removed, %d stored without a report"
                + " (append cut by the kill), %d kills during startup%n", ROUNDS, committed.size(), removing.size(),
                unreportedTotal, earlyKills);
        assertTrue(killedWhileRunning >= ROUNDS - 2, "children should die by SIGKILL, not by themselves");
        assertTrue(committed.size() > ROUNDS, "the children committed too few events to test anything: " + committed.size());
    }

    /** Opens the outbox as the next run would and checks it against what the child reported. */
    private long checkAfterKill(int round, List<String> lines, Path stateDir, long highestBefore) {
        Map<Long, String> roundCommitted = new TreeMap<>();
        for (String line : lines) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "ready" -> assertEquals(highestBefore, Long.parseLong(words[1]), "round " + round + ": counter at open");
                case "committed" -> roundCommitted.put(Long.parseLong(words[1]), words[2]);
                case "removing" -> removing.add(Long.parseLong(words[1]));
                case "removed" -> assertTrue(removing.contains(Long.parseLong(words[1])));
                default -> fail("round " + round + ": unexpected line from the child: " + line);
            }
        }
        for (Map.Entry<Long, String> entry : roundCommitted.entrySet()) {
            assertTrue(entry.getKey() > highestBefore, "round " + round + ": seq " + entry.getKey() + " reused");
            String earlier = committed.put(entry.getKey(), entry.getValue());
            assertEquals(null, earlier, "round " + round + ": seq " + entry.getKey() + " committed twice");
        }
        Clock clock = Clock.systemUTC();
        try (SqliteOutbox outbox = SqliteOutbox.open(stateDir.resolve(SqliteOutbox.FILE_NAME), SqliteOutbox.DEFAULT_CAPACITY,
                clock, new UuidV7(clock, new SplittableRandom(round)))) {
            Map<Long, StoredEvent> stored = new TreeMap<>();
            for (StoredEvent event : outbox.after(0, Integer.MAX_VALUE)) {
                stored.put(event.seq(), event);
                assertArrayEquals(OutboxProducer.payload(event.seq(), event.eventId()), event.payload(),
                        "round " + round + ": payload of seq " + event.seq());
            }
            assertEquals(stored.size(), outbox.depth());
            for (Map.Entry<Long, String> entry : committed.entrySet()) {
                StoredEvent event = stored.get(entry.getKey());
                if (event == null) {
                    assertTrue(removing.contains(entry.getKey()),
                            "round " + round + ": committed seq " + entry.getKey() + " lost");
                } else {
                    assertEquals(entry.getValue(), event.eventId(), "round " + round + ": seq " + entry.getKey());
                }
            }
            List<Long> unreported = new ArrayList<>();
            for (long seq : stored.keySet()) {
                if (!committed.containsKey(seq)) {
                    unreported.add(seq);
                }
            }
            // Only the append in progress at the kill may be stored without its report: one event, the newest.
            assertTrue(unreported.size() <= 1, "round " + round + ": unreported events " + unreported);
            long lastSeq = outbox.lastSeq();
            if (!unreported.isEmpty()) {
                assertEquals(lastSeq, (long) unreported.get(0), "round " + round + ": the unreported event is the newest");
                assertTrue(unreported.get(0) > highestBefore);
                committed.put(unreported.get(0), stored.get(unreported.get(0)).eventId());
                unreportedTotal++;
            }
            long reportedMax = roundCommitted.isEmpty() ? highestBefore : ((TreeMap<Long, String>) roundCommitted).lastKey();
            assertTrue(lastSeq == reportedMax || lastSeq == reportedMax + 1,
                    "round " + round + ": counter " + lastSeq + " after reports up to " + reportedMax);
            return lastSeq;
        }
    }
}
