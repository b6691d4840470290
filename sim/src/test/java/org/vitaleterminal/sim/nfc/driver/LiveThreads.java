package org.vitaleterminal.sim.nfc.driver;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Threads alive now, compared with a snapshot: what a test started and did not end. JUnit's own
 * {@code assertTimeoutPreemptively} worker threads are left out: JUnit ends them itself, a moment
 * after each call returns.
 */
final class LiveThreads {
    private LiveThreads() {}

    static Set<Thread> snapshot() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /** Threads alive now that were not in {@code before}, after giving them up to 5 s to end. */
    static Set<String> startedSince(Set<Thread> before) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (true) {
            Set<Thread> extra = snapshot().stream()
                    .filter(t -> !before.contains(t))
                    .filter(t -> !t.getName().startsWith("junit-timeout-thread"))
                    .collect(Collectors.toSet());
            if (extra.isEmpty() || System.nanoTime() > end) {
                return extra.stream().map(t -> t.getName() + " (" + t.getState() + ")").collect(Collectors.toSet());
            }
            Thread.sleep(20);
        }
    }
}
