package org.vitaleterminal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.vitaleterminal.firmware.outbox.SqliteOutbox;
import org.vitaleterminal.firmware.outbox.StoredEvent;
import org.vitaleterminal.firmware.outbox.UuidV7;

/**
 * How fast the durable outbox commits and drains on this disk, as the terminal uses it (WAL,
 * {@code synchronous=FULL}, so every append waits for an fsync; removals commit without one): not
 * a JMH benchmark because the append rate is bounded by the storage's flush latency, which JMH's
 * warm-up and forking do not change, and draining needs a filled outbox that JMH's fixtures cannot
 * refill cheaply.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.vitaleterminal.bench.OutboxThroughput [EVENTS] [DIR]</pre>
 *
 * Appends EVENTS events of an accepted event's size (about 1.5 KB) one by one, then drains them
 * as the publisher does ({@code after(last, 10)}, then {@code remove} each), and prints the rates
 * and the per-call latency percentiles. DIR (default: a new temporary folder, deleted after) must
 * be on the storage to measure: on a Pi, the SD card or SSD holding {@code state.dir}.
 */
public final class OutboxThroughput {
    private OutboxThroughput() {}

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        boolean temporary = args.length < 2;
        Path dir = temporary ? Files.createTempDirectory("outbox-bench") : Path.of(args[1]);
        byte[] payload = ("{\"padding\":\"" + "x".repeat(1500) + "\"}").getBytes(StandardCharsets.US_ASCII);
        Clock clock = Clock.systemUTC();
        try (SqliteOutbox outbox = SqliteOutbox.open(dir.resolve("bench-" + System.nanoTime() + ".db"), events + 100L,
                clock, new UuidV7(clock, new SecureRandom()))) {
            for (int i = 0; i < 50; i++) { // warm-up: JIT, SQLite page cache, WAL file growth
                outbox.remove(outbox.append((seq, id) -> payload).seq());
            }
            long[] appendNanos = new long[events];
            long appendStart = System.nanoTime();
            for (int i = 0; i < events; i++) {
                long start = System.nanoTime();
                outbox.append((seq, id) -> payload);
                appendNanos[i] = System.nanoTime() - start;
            }
            double appendSeconds = (System.nanoTime() - appendStart) / 1e9;

            long[] removeNanos = new long[events];
            int removed = 0;
            long last = 0;
            long drainStart = System.nanoTime();
            while (removed < events) {
                List<StoredEvent> batch = outbox.after(last, 10);
                for (StoredEvent event : batch) {
                    long start = System.nanoTime();
                    outbox.remove(event.seq());
                    removeNanos[removed++] = System.nanoTime() - start;
                    last = event.seq();
                }
            }
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

            System.out.printf("outbox on %s, %d events of %d bytes, synchronous=FULL%n", dir, events, payload.length);
            System.out.printf("%-22s %12s %10s %10s %10s%n", "operation", "events/s", "p50 ms", "p99 ms", "max ms");
            row("append (commit)", events / appendSeconds, appendNanos);
            row("drain (after+remove)", events / drainSeconds, removeNanos);
        } finally {
            if (temporary) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private static void row(String name, double rate, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-22s %12.0f %10.2f %10.2f %10.2f%n", name, rate, percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
