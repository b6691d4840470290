package org.vitaleterminal.firmware.systemd;

import java.time.Duration;

/** Runs a task periodically; the seam that lets tests drive {@link WatchdogPinger} by hand. */
@FunctionalInterface
public interface PingScheduler {

    /** A periodic task; closing it stops further runs and frees its thread. */
    interface Repeating extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code task} every {@code period}, first after one period. */
    Repeating every(Duration period, Runnable task);
}
