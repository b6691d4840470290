package org.vitaleterminal.hal.scanner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Collects delivered lines across threads; waits are bounded so a broken source fails, not hangs. */
public final class LineCollector implements Consumer<String> {
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();

    @Override
    public void accept(String line) {
        queue.add(line);
    }

    /** The next line, or an AssertionError if none comes within {@code patience}. */
    public String next(Duration patience) throws InterruptedException {
        String line = queue.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("no line within " + patience);
        }
        return line;
    }

    /** Everything delivered so far, taken out. */
    public List<String> drain() {
        List<String> all = new ArrayList<>();
        queue.drainTo(all);
        return all;
    }
}
