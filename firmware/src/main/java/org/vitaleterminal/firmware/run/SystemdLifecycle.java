package org.vitaleterminal.firmware.run;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.vitaleterminal.firmware.systemd.DaemonPingScheduler;
import org.vitaleterminal.firmware.systemd.LivenessCheck;
import org.vitaleterminal.firmware.systemd.SystemdNotifier;
import org.vitaleterminal.firmware.systemd.SystemdNotifyException;
import org.vitaleterminal.firmware.systemd.WatchdogPinger;

/**
 * The terminal under systemd ({@code Type=notify}): READY=1 once devices, trust list and outbox
 * are up, watchdog pings only while the scan loop, the outbox and the MQTT supervisor are alive,
 * STOPPING=1 when a stop begins. Outside systemd ({@code NOTIFY_SOCKET} unset) it does nothing.
 */
public final class SystemdLifecycle implements TerminalLifecycle {
    private static final Logger LOG = Logger.getLogger(SystemdLifecycle.class.getName());

    private final Map<String, String> environment;
    private final SystemdNotifier notifier;
    private WatchdogPinger pinger;

    public SystemdLifecycle(Map<String, String> environment) {
        this.environment = environment;
        SystemdNotifier chosen;
        try {
            chosen = SystemdNotifier.fromEnvironment(environment);
        } catch (SystemdNotifyException e) {
            LOG.warning("not notifying systemd: " + e.getMessage());
            chosen = SystemdNotifier.disabled();
        }
        this.notifier = chosen;
    }

    @Override
    public void ready(Terminal terminal) {
        try {
            notifier.ready("scanning; outbox " + terminal.outboxDepth() + " event(s)");
        } catch (SystemdNotifyException e) {
            // systemd will time the start out and restart us; the terminal itself works meanwhile
            LOG.warning("READY=1 not sent to systemd: " + e.getMessage());
        }
        try {
            pinger = WatchdogPinger.start(notifier, environment, ProcessHandle.current().pid(), List.of(
                    LivenessCheck.of("scan loop", terminal::inputsAlive),
                    LivenessCheck.of("outbox", terminal::outboxAlive),
                    LivenessCheck.of("MQTT supervisor", terminal::mqttAlive)),
                    new DaemonPingScheduler("systemd-watchdog"));
        } catch (SystemdNotifyException e) {
            LOG.warning("systemd watchdog not fed: " + e.getMessage());
        }
    }

    @Override
    public void stopping() {
        try {
            notifier.stopping("draining the outbox");
        } catch (SystemdNotifyException e) {
            LOG.warning("STOPPING=1 not sent to systemd: " + e.getMessage()); // the clean stop goes on regardless
        }
        if (pinger != null) {
            pinger.close();
        }
    }
}
