package org.vitaleterminal.firmware.mqtt;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.vitaleterminal.firmware.outbox.SqliteOutbox;
import org.vitaleterminal.firmware.outbox.StoredEvent;
import org.vitaleterminal.firmware.outbox.UuidV7;

/**
 * The child JVM of {@link BrokerDurabilityTest}: the terminal's delivery half for real — a
 * {@link SqliteOutbox} in a state directory and the {@link MqttSupervisor} publishing it to a
 * broker — with a producer appending events as fast as the outbox commits them. One line on
 * stdout after each step has returned, so the parent knows what was promised:
 *
 * <pre>
 * ready &lt;lastSeq&gt; &lt;depth&gt;
 * committed &lt;seq&gt; &lt;eventId&gt;
 * drained                (only with --drain)
 * </pre>
 *
 * <p>Arguments: {@code STATE_DIR BROKER_URL [--drain]}. Without {@code --drain} it appends until
 * it is killed. With {@code --drain} it appends nothing, waits until the publisher has emptied
 * the outbox (every event PUBACKed), says {@code drained} and stops cleanly.
 */
public final class PublishingProducer {
    static final String SITE = "site-durable";
    static final String TERMINAL = "t-durable";

    private PublishingProducer() {}

    public static void main(String[] args) throws Exception {
        Path stateDir = Path.of(args[0]);
        String url = args[1];
        boolean drain = args.length > 2 && "--drain".equals(args[2]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.US_ASCII);
        Clock clock = Clock.systemUTC();
        try (SqliteOutbox outbox = SqliteOutbox.open(stateDir.resolve(SqliteOutbox.FILE_NAME), SqliteOutbox.DEFAULT_CAPACITY,
                clock, new UuidV7(clock, new SecureRandom()))) {
            MqttSettings settings = MqttSettings.of(url, new MqttTopics(SITE, TERMINAL), Optional.empty())
                    .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                    .withTelemetryInterval(Duration.ofHours(1));
            TerminalStatus status = new TerminalStatus("durability", OptionalLong.empty(), Optional.empty(), 0, true,
                    Map.of());
            Telemetry telemetry = new Telemetry(Duration.ZERO, 0, 0, Optional.empty(), OptionalLong.empty(),
                    Optional.empty(), true, 0, Map.of(), 0, 0, Map.of());
            MqttSupervisor supervisor = new MqttSupervisor(settings, outbox, () -> status, () -> telemetry,
                    Optional.empty(), clock, new Backoff(settings.backoffBase(), settings.backoffCap(), new Random()));
            report(out, "ready " + outbox.lastSeq() + " " + outbox.depth());
            supervisor.start();
            if (drain) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (outbox.depth() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                supervisor.stop(Duration.ofSeconds(5));
                report(out, outbox.depth() == 0 ? "drained" : "not-drained " + outbox.depth());
                return;
            }
            while (true) {
                StoredEvent event = outbox.append(PublishingProducer::payload);
                report(out, "committed " + event.seq() + " " + event.eventId());
                supervisor.wake();
            }
        }
    }

    /** The event's own seq and id inside, so the parent can tell a payload belongs to its row. */
    static String payloadText(long seq, String eventId) {
        return "{\"seq\":" + seq + ",\"eventId\":\"" + eventId + "\",\"padding\":\"" + "p".repeat(400) + "\"}";
    }

    private static byte[] payload(long seq, String eventId) {
        return payloadText(seq, eventId).getBytes(StandardCharsets.US_ASCII);
    }

    private static void report(PrintStream out, String line) {
        out.print(line + "\n");
        out.flush();
    }
}
