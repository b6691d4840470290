package org.vitaleterminal.firmware.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class WatchdogPingerTest {
    private static final long PID = 4242;
    private static final Map<String, String> SYSTEMD_ENV = Map.of(
            "NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "20000000", "WATCHDOG_PID", "4242");

    /** Records what would go to systemd. */
    private final List<String> sent = new ArrayList<>();
    private final DatagramSender recorder = (to, datagram) -> sent.add(new String(datagram, StandardCharsets.UTF_8));

    /** A scheduler whose single task the test runs by hand. */
    private static final class ManualScheduler implements PingScheduler {
        Duration period;
        Runnable task;
        boolean closed;

        @Override
        public Repeating every(Duration period, Runnable task) {
            this.period = period;
            this.task = task;
            return () -> closed = true;
        }

        void tick() {
            assertFalse(closed, "ticked after close");
            task.run();
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final SystemdNotifier notifier = SystemdNotifier.fromEnvironment(SYSTEMD_ENV, recorder);

    @Test
    void pingsAtHalfTheAnnouncedIntervalWhileEverythingIsAlive() {
        AtomicBoolean scanLoop = new AtomicBoolean(true);
        try (WatchdogPinger pinger = WatchdogPinger.start(notifier, SYSTEMD_ENV, PID,
                List.of(LivenessCheck.of("scan loop", scanLoop::get), LivenessCheck.of("outbox", () -> true)),
                scheduler)) {
            assertTrue(pinger.active());
            assertEquals(Duration.ofSeconds(10), scheduler.period);
            assertEquals(Optional.of(Duration.ofSeconds(10)), pinger.pingInterval());

            scheduler.tick();
            scheduler.tick();

            assertEquals(List.of("WATCHDOG=1", "WATCHDOG=1"), sent);
            assertEquals("", pinger.lastProblem());
        }
        assertTrue(scheduler.closed);
    }

    @Test
    void aStuckComponentStopsThePingsAndSaysWhichOneThenRecoveryResumesThem() {
        AtomicBoolean outbox = new AtomicBoolean(true);
        AtomicBoolean mqtt = new AtomicBoolean(true);
        try (WatchdogPinger pinger = WatchdogPinger.start(notifier, SYSTEMD_ENV, PID,
                List.of(LivenessCheck.of("scan loop", () -> true), LivenessCheck.of("outbox", outbox::get),
                        LivenessCheck.of("MQTT supervisor", mqtt::get)),
                scheduler)) {
            scheduler.tick();
            outbox.set(false);
            mqtt.set(false);
            scheduler.tick();
            scheduler.tick(); // same reason: not repeated
            assertEquals("watchdog withheld: not alive: outbox, MQTT supervisor", pinger.lastProblem());
            outbox.set(true);
            mqtt.set(true);
            scheduler.tick();

            assertEquals(List.of("WATCHDOG=1",
                    "STATUS=watchdog withheld: not alive: outbox, MQTT supervisor",
                    "WATCHDOG=1", "STATUS=running"), sent);
        }
    }

    @Test
    void aCheckThatThrowsCountsAsDead() {
        try (WatchdogPinger pinger = WatchdogPinger.start(notifier, SYSTEMD_ENV, PID,
                List.of(LivenessCheck.of("scan loop", () -> {
                    throw new IllegalStateException("boom");
                })), scheduler)) {
            scheduler.tick();

            assertEquals(List.of("STATUS=watchdog withheld: not alive: scan loop"), sent);
        }
    }

    @Test
    void aHeartbeatThatStopsBeatingStopsThePings() {
        AtomicLong nanos = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
        Heartbeat scanLoop = new Heartbeat("scan loop", Duration.ofSeconds(5), nanos::get);
        try (WatchdogPinger pinger = WatchdogPinger.start(notifier, SYSTEMD_ENV, PID, List.of(scanLoop), scheduler)) {
            nanos.addAndGet(Duration.ofSeconds(4).toNanos());
            scheduler.tick(); // 4 s of silence: alive
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
            scheduler.tick(); // 6 s: stuck
            scanLoop.beat();
            scheduler.tick(); // beat again: alive

            assertEquals(List.of("WATCHDOG=1", "STATUS=watchdog withheld: not alive: scan loop",
                    "WATCHDOG=1", "STATUS=running"), sent);
        }
    }

    @Test
    void aFailedSendIsRememberedAndTheNextPeriodTriesAgain() {
        List<String> attempts = new ArrayList<>();
        SystemdNotifier flaky = SystemdNotifier.fromEnvironment(SYSTEMD_ENV, (to, datagram) -> {
            attempts.add(new String(datagram, StandardCharsets.UTF_8));
            if (attempts.size() == 1) {
                throw new SystemdNotifyException("cannot send to NOTIFY_SOCKET=/run/systemd/notify (errno 111)");
            }
        });
        try (WatchdogPinger pinger = WatchdogPinger.start(flaky, SYSTEMD_ENV, PID,
                List.of(LivenessCheck.of("scan loop", () -> true)), scheduler)) {
            scheduler.tick();
            assertTrue(pinger.lastProblem().contains("errno 111"), pinger.lastProblem());
            scheduler.tick();
            assertEquals("", pinger.lastProblem());
            assertEquals(List.of("WATCHDOG=1", "WATCHDOG=1"), attempts);
        }
    }

    @Test
    void inactiveWithoutWatchdogOrForAnotherProcessOrWithoutNotifySocket() {
        List<LivenessCheck> checks = List.of(LivenessCheck.of("scan loop", () -> true));
        Map<String, String> noWatchdog = Map.of("NOTIFY_SOCKET", "/run/systemd/notify");
        Map<String, String> otherPid = Map.of("NOTIFY_SOCKET", "/run/systemd/notify",
                "WATCHDOG_USEC", "20000000", "WATCHDOG_PID", "1");
        Map<String, String> noSocket = Map.of("WATCHDOG_USEC", "20000000");
        for (Map<String, String> env : List.of(noWatchdog, otherPid, noSocket)) {
            SystemdNotifier n = SystemdNotifier.fromEnvironment(env, recorder);
            try (WatchdogPinger pinger = WatchdogPinger.start(n, env, PID, checks, scheduler)) {
                assertFalse(pinger.active(), env.toString());
                assertEquals(Optional.empty(), pinger.pingInterval());
            }
        }
        assertEquals(null, scheduler.task, "nothing scheduled");
        // Without WATCHDOG_PID the watchdog is meant for us.
        assertEquals(Optional.of(Duration.ofMillis(1500)),
                WatchdogPinger.watchdogTimeout(Map.of("WATCHDOG_USEC", "1500000"), PID));
    }

    @Test
    void malformedWatchdogVariablesAreRejectedByName() {
        for (Map<String, String> env : List.of(Map.of("WATCHDOG_USEC", "20s"), Map.of("WATCHDOG_USEC", "0"),
                Map.of("WATCHDOG_USEC", "-5"), Map.of("WATCHDOG_USEC", "99999999999999999999"),
                Map.of("WATCHDOG_USEC", "1000", "WATCHDOG_PID", "init"))) {
            SystemdNotifyException e = assertThrows(SystemdNotifyException.class,
                    () -> WatchdogPinger.watchdogTimeout(env, PID), env.toString());
            assertTrue(e.getMessage().startsWith("WATCHDOG_"), e.getMessage());
            assertTrue(e.getMessage().contains("expected a positive integer"), e.getMessage());
        }
    }

    @Test
    void theDaemonSchedulerPingsARealSocketAndStopsOnClose(@TempDir Path dir) throws InterruptedException {
        String path = dir.resolve("notify").toString();
        Map<String, String> env = Map.of("NOTIFY_SOCKET", path, "WATCHDOG_USEC", "100000");
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(path)) {
            WatchdogPinger pinger = WatchdogPinger.start(SystemdNotifier.fromEnvironment(env), env, PID,
                    List.of(LivenessCheck.of("scan loop", () -> true)), new DaemonPingScheduler("test-watchdog"));
            assertEquals(Optional.of("WATCHDOG=1"), systemd.receive(10_000));
            pinger.close();
            // Drain what was in flight, then nothing more arrives.
            while (systemd.receive(300).isPresent()) {
                // keep draining
            }
            assertEquals(Optional.empty(), systemd.receive(300));
            assertFalse(Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("test-watchdog") && t.isAlive()), "pinger thread left running");
        }
    }
}
