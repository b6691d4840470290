package org.vitaleterminal.firmware.outbox;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link OutboxDurabilityTest}: opens the outbox in a state directory and
 * appends events in a loop until it is killed, printing one line to stdout after each step has
 * returned, so the parent knows what the outbox promised:
 *
 * <pre>
 * ready &lt;lastSeq&gt; &lt;depth&gt;
 * committed &lt;seq&gt; &lt;eventId&gt;
 * removing &lt;seq&gt;        (only with --consume: about to remove it, as a publisher after PUBACK)
 * removed &lt;seq&gt;
 * </pre>
 *
 * <p>Arguments: {@code STATE_DIR [--consume] [--capacity N]}. {@code --consume} runs a second
 * thread that drains the outbox in {@code seq} order like the publisher does after each PUBACK,
 * so appends and removals race the kill. A publishing mode (send to a broker, remove on PUBACK)
 * can be added here as another option without changing the parent's checks.
 */
public final class OutboxProducer {
    private OutboxProducer() {}

    public static void main(String[] args) throws Exception {
        Path stateDir = Path.of(args[0]);
        boolean consume = false;
        long capacity = SqliteOutbox.DEFAULT_CAPACITY;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--consume" -> consume = true;
                case "--capacity" -> capacity = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.US_ASCII);
        Clock clock = Clock.systemUTC();
        try (SqliteOutbox outbox = SqliteOutbox.open(stateDir.resolve(SqliteOutbox.FILE_NAME), capacity, clock,
                new UuidV7(clock, new SecureRandom()))) {
            report(out, "ready " + outbox.lastSeq() + " " + outbox.depth());
            if (consume) {
                Thread consumer = new Thread(() -> drain(outbox, out), "consumer");
                consumer.setDaemon(true);
                consumer.start();
            }
            while (true) {
                StoredEvent event = outbox.append(OutboxProducer::payload);
                report(out, "committed " + event.seq() + " " + event.eventId());
            }
        }
    }

    /** The event's own seq and id inside, so the parent can check a payload belongs to its row. */
    static byte[] payload(long seq, String eventId) {
        return ("{\"seq\":" + seq + ",\"eventId\":\"" + eventId + "\",\"padding\":\"" + "p".repeat(600) + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void drain(Outbox outbox, PrintStream out) {
        long last = 0;
        while (true) {
            try {
                Thread.sleep(3); // slower than the producer, so the outbox holds a few events at a kill
            } catch (InterruptedException e) {
                return;
            }
            List<StoredEvent> batch = new ArrayList<>(outbox.after(last, 5));
            for (StoredEvent event : batch) {
                report(out, "removing " + event.seq());
                outbox.remove(event.seq());
                report(out, "removed " + event.seq());
                last = event.seq();
            }
        }
    }

    private static void report(PrintStream out, String line) {
        synchronized (out) {
            out.print(line + "\n");
            out.flush();
        }
    }
}
