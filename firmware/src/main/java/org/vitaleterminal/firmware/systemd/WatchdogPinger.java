package org.vitaleterminal.firmware.systemd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Feeds the systemd watchdog ({@code WatchdogSec=}) with {@code WATCHDOG=1} at half the interval
 * systemd announces in {@code WATCHDOG_USEC} (sd_watchdog_enabled(3)), but only while every
 * registered {@link LivenessCheck} passes. A stuck scan loop, outbox or MQTT supervisor therefore
 * stops the pings, systemd kills the service after the interval and {@code Restart=on-failure}
 * starts it afresh. A component that recovers in time resumes the pings.
 *
 * <p>When the watchdog is not enabled for this process (no {@code WATCHDOG_USEC}, or
 * {@code WATCHDOG_PID} names another process), the pinger schedules nothing.
 */
public final class WatchdogPinger implements AutoCloseable {
    public static final String WATCHDOG_USEC = "WATCHDOG_USEC";
    public static final String WATCHDOG_PID = "WATCHDOG_PID";

    private final SystemdNotifier notifier;
    private final List<LivenessCheck> checks;
    private final Optional<Duration> pingInterval;
    private PingScheduler.Repeating repeating;
    private String lastWithheldReason = "";
    private volatile String lastProblem = "";

    private WatchdogPinger(SystemdNotifier notifier, List<LivenessCheck> checks, Optional<Duration> pingInterval) {
        this.notifier = notifier;
        this.checks = checks;
        this.pingInterval = pingInterval;
    }

    /**
     * Starts pinging if the watchdog is enabled for process {@code ownPid}.
     *
     * @throws SystemdNotifyException when {@code WATCHDOG_USEC} or {@code WATCHDOG_PID} is set
     *                                but not a positive integer
     */
    public static WatchdogPinger start(SystemdNotifier notifier, Map<String, String> environment, long ownPid,
            List<LivenessCheck> checks, PingScheduler scheduler) {
        Optional<Duration> timeout = watchdogTimeout(environment, ownPid);
        if (!notifier.enabled()) {
            timeout = Optional.empty(); // nobody to ping
        }
        Optional<Duration> interval = timeout.map(t -> t.dividedBy(2));
        WatchdogPinger pinger = new WatchdogPinger(notifier, List.copyOf(checks), interval);
        interval.ifPresent(period -> pinger.repeating = scheduler.every(period, pinger::tick));
        return pinger;
    }

    /**
     * The watchdog timeout systemd enforces on {@code ownPid}, if any.
     *
     * @throws SystemdNotifyException when a variable is set but malformed
     */
    public static Optional<Duration> watchdogTimeout(Map<String, String> environment, long ownPid) {
        String usec = environment.get(WATCHDOG_USEC);
        if (usec == null || usec.isEmpty()) {
            return Optional.empty();
        }
        long micros = positiveLong(WATCHDOG_USEC, usec);
        String pid = environment.get(WATCHDOG_PID);
        if (pid != null && !pid.isEmpty() && positiveLong(WATCHDOG_PID, pid) != ownPid) {
            return Optional.empty(); // meant for another process (a wrapper that forked instead of exec-ing java)
        }
        return Optional.of(Duration.ofNanos(Math.multiplyExact(micros, 1_000L)));
    }

    private static long positiveLong(String name, String value) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed > 0 && parsed <= Long.MAX_VALUE / 1_000L) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SystemdNotifyException(name + "=" + value + " is not usable: expected a positive integer"
                + (name.equals(WATCHDOG_USEC) ? " of microseconds" : " (a process id)"));
    }

    /** Whether pings are scheduled. */
    public boolean active() {
        return pingInterval.isPresent();
    }

    /** Time between two pings (half the watchdog timeout), when active. */
    public Optional<Duration> pingInterval() {
        return pingInterval;
    }

    /** Why the last ping was not sent or failed, or empty when the last ping went out. */
    public String lastProblem() {
        return lastProblem;
    }

    /** One period: ping if every component is alive, otherwise say which one is not. */
    private void tick() {
        List<String> dead = new ArrayList<>();
        for (LivenessCheck check : checks) {
            boolean alive;
            try {
                alive = check.alive();
            } catch (RuntimeException e) {
                alive = false; // a check that throws vouches for nothing: fail closed
            }
            if (!alive) {
                dead.add(check.name());
            }
        }
        try {
            if (dead.isEmpty()) {
                notifier.watchdog();
                if (!lastWithheldReason.isEmpty()) {
                    notifier.status("running");
                    lastWithheldReason = "";
                }
                lastProblem = "";
            } else {
                String reason = "watchdog withheld: not alive: " + String.join(", ", dead);
                lastProblem = reason;
                if (!reason.equals(lastWithheldReason)) {
                    notifier.status(reason); // once per change, so `systemctl status` says why
                    lastWithheldReason = reason;
                }
            }
        } catch (SystemdNotifyException e) {
            // Keep ticking: the next period retries, and systemd restarts us if the socket stays gone.
            lastProblem = e.getMessage();
        }
    }

    @Override
    public void close() {
        if (repeating != null) {
            repeating.close();
            repeating = null;
        }
    }
}
