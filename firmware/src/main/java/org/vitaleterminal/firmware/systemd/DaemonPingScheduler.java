package org.vitaleterminal.firmware.systemd;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Each periodic task on its own daemon thread (a daemon so that a forgotten pinger never keeps the
 * JVM from exiting). Fixed delay, not fixed rate: after a long GC pause the pinger does not fire a
 * burst of catch-up pings.
 */
public final class DaemonPingScheduler implements PingScheduler {
    private final String threadName;

    public DaemonPingScheduler(String threadName) {
        this.threadName = threadName;
    }

    @Override
    public Repeating every(Duration period, Runnable task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long nanos = period.toNanos();
        executor.scheduleWithFixedDelay(task, nanos, nanos, TimeUnit.NANOSECONDS);
        return () -> {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
