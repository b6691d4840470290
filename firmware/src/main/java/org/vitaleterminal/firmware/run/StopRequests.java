package org.vitaleterminal.firmware.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * How {@code run} learns it must stop. On a device: SIGTERM (systemd) or SIGINT (Ctrl-C), caught
 * so that the terminal stops in order and exits 0 — a JVM ended by its default SIGTERM handling
 * exits 143 after shutdown hooks that cannot wait for the broker. Tests and the demo request a
 * stop directly.
 */
public final class StopRequests {
    private final CountDownLatch requested = new CountDownLatch(1);
    private volatile String reason = "";

    /** Stop requests from SIGTERM and SIGINT (and {@link #request}). */
    public static StopRequests fromSignals() {
        StopRequests stops = new StopRequests();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> stops.request("SIG" + signal.getName()));
        }
        return stops;
    }

    /** Only {@link #request} stops it. */
    public static StopRequests manual() {
        return new StopRequests();
    }

    public void request(String why) {
        if (requested.getCount() > 0) {
            reason = why;
        }
        requested.countDown();
    }

    /** Waits for a stop request; the reason it was given. */
    public String await() throws InterruptedException {
        requested.await();
        return reason;
    }

    /** As {@link #await()} for at most {@code millis}; true when a stop was requested. */
    public boolean await(long millis) throws InterruptedException {
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }
}
