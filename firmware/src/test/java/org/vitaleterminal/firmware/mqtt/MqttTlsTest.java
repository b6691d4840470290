package org.vitaleterminal.firmware.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS with per-terminal client certificates against Mosquitto configured as in docs/mqtt.md
 * ({@code require_certificate}, {@code use_identity_as_username}, the pattern ACL): a terminal
 * delivers under its own id, cannot publish under another terminal's, and refuses a broker whose
 * certificate does not name the host it dialled.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MqttTlsTest {
    private static final String SITE = "750012345";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private TestPki pki;

    @BeforeEach
    void pki() throws Exception {
        pki = new TestPki(Files.createDirectories(dir.resolve("pki")));
    }

    @Test
    void aTerminalDeliversUnderItsOwnIdButNotUnderAnothers() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.tls(Files.createDirectories(dir.resolve("broker")), pki).start();
             Subscriber backend = new Subscriber(broker.sslUrl("127.0.0.1"), "fse-backend", "vt/v1/+/+/fse", false,
                     tls(pki.client("fse-backend")))) {
            SSLSocketFactory terminalTls = tls(pki.client("t-1"));

            // The certificate says t-1, the terminal claims to be t-2. Mosquitto 2.0.11 drops the
            // connection at its first publish outside the ACL (nothing is acknowledged, so nothing
            // leaves the impostor's outbox); other brokers acknowledge and discard. Either way the
            // back end must receive nothing under t-2.
            InMemoryOutbox spoofed = new InMemoryOutbox(Clock.systemUTC());
            spoofed.appendEvents(5);
            MqttSupervisor impostor = supervisor(broker, "t-2", terminalTls, spoofed);
            impostor.start();
            MqttSupervisorTest.await(() -> impostor.connectAttempts() >= 3 || spoofed.depth() == 0,
                    "the broker refused or swallowed the impostor's events");
            impostor.stop(Duration.ofSeconds(2));
            assertEquals(5, spoofed.depth(), "this broker acknowledged nothing from the impostor:\n" + broker.log());

            InMemoryOutbox own = new InMemoryOutbox(Clock.systemUTC());
            own.appendEvents(20);
            MqttSupervisor terminal = supervisor(broker, "t-1", terminalTls, own);
            terminal.start();
            // Everything the broker forwarded from the impostor would have been queued before these.
            for (long expected = 1; expected <= 20; expected++) {
                Subscriber.Message message = backend.next(WAIT);
                assertNotNull(message, "event " + expected + " over TLS");
                assertEquals("vt/v1/" + SITE + "/t-1/fse", message.topic(), "nothing from the impostor: " + message);
                assertEquals(expected, Subscriber.seqOf(message.payload()));
            }
            MqttSupervisorTest.await(() -> own.depth() == 0, "the outbox empties");
            terminal.stop(Duration.ofSeconds(5));
            assertTrue(backend.drain().stream().noneMatch(m -> m.topic().contains("/t-2/")));
        }
    }

    @Test
    void aBrokerCertificateForAnotherHostIsRefused() throws Exception {
        TestPki.Identity elsewhere = pki.server("elsewhere", "broker.elsewhere.example");
        try (MosquittoBroker broker = MosquittoBroker.tls(Files.createDirectories(dir.resolve("broker")), pki, elsewhere)
                .start()) {
            InMemoryOutbox outbox = new InMemoryOutbox(Clock.systemUTC());
            outbox.appendEvents(1);
            MqttSupervisor terminal = supervisor(broker, "t-1", tls(pki.client("t-1")), outbox);
            terminal.start();
            MqttSupervisorTest.await(() -> terminal.connectAttempts() >= 3, "it keeps trying");
            assertFalse(terminal.isConnected(), "hostname verification refused the broker");
            assertEquals(1, outbox.depth());
            terminal.stop(Duration.ZERO);
        }
    }

    private SSLSocketFactory tls(TestPki.Identity identity) throws PemTls.TlsSetupException {
        return PemTls.socketFactory(new PemTls.PemFile("mqtt.ca", pki.caFile()),
                Optional.of(new PemTls.PemFile("mqtt.cert", identity.cert())),
                Optional.of(new PemTls.PemFile("mqtt.key", identity.key())));
    }

    private static MqttSupervisor supervisor(MosquittoBroker broker, String terminalId, SSLSocketFactory tls,
                                             InMemoryOutbox outbox) {
        MqttSettings settings = MqttSettings.of(broker.sslUrl("127.0.0.1"), new MqttTopics(SITE, terminalId),
                Optional.of(tls)).withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
        TerminalStatus status = new TerminalStatus("test", OptionalLong.empty(), Optional.empty(), 0, true, Map.of());
        Telemetry telemetry = new Telemetry(Duration.ZERO, 0, 0, Optional.empty(), OptionalLong.empty(),
                Optional.empty(), true, 0, Map.of(), 0, 0, Map.of());
        return new MqttSupervisor(settings, outbox, () -> status, () -> telemetry, Optional.empty(), Clock.systemUTC(),
                new Backoff(settings.backoffBase(), settings.backoffCap(), new Random(3)));
    }

}
