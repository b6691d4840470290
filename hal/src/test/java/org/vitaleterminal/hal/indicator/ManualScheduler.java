package org.vitaleterminal.hal.indicator;

import java.time.Duration;
import java.util.PriorityQueue;

/** Virtual time for the pattern player: tasks run only inside {@link #advance}, in due order. */
public final class ManualScheduler implements TaskScheduler {
    private record Task(long due, long seq, Runnable body, boolean[] cancelled) {}

    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            (a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;
    public boolean closed;

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        if (closed) {
            return () -> { };
        }
        boolean[] cancelled = {false};
        queue.add(new Task(now + delay.toMillis(), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Milliseconds since the start. */
    public long now() {
        return now;
    }

    /** Moves time forward by {@code millis}, running every task that falls due on the way. */
    public void advance(long millis) {
        long end = now + millis;
        while (!queue.isEmpty() && queue.peek().due <= end) {
            Task t = queue.poll();
            now = Math.max(now, t.due);
            if (!t.cancelled[0]) {
                t.body.run();
            }
        }
        now = end;
    }

    /** Tasks waiting and not cancelled. */
    public long pending() {
        return queue.stream().filter(t -> !t.cancelled[0]).count();
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
