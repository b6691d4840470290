package org.vitaleterminal.hal.indicator;

import java.time.Duration;

/**
 * Runs tasks later, one at a time, on one thread: the pattern player's only notion of time, so
 * tests drive it with a manual fake and see exact step times.
 */
public interface TaskScheduler extends AutoCloseable {

    /** A scheduled task that can still be called off. */
    interface Cancellable {
        void cancel();
    }

    /** Runs {@code task} after {@code delay} (zero: as soon as possible) on the scheduler's thread. */
    Cancellable schedule(Runnable task, Duration delay);

    /** Runs what is already due, then stops; waits a bounded time for the thread to end. */
    @Override
    void close();

    /** A single daemon thread named {@code name}. */
    static TaskScheduler singleThread(String name) {
        return new ExecutorTaskScheduler(name);
    }
}
