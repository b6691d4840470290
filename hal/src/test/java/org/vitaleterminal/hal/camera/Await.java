package org.vitaleterminal.hal.camera;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Waits for conditions that other threads bring about; the tests' own @Timeout bounds the whole. */
public final class Await {
    private static final long LIMIT_NANOS = Duration.ofSeconds(20).toNanos();

    private Await() {}

    /** Polls the source's status until {@code condition} holds; returns that status. */
    public static SourceStatus status(FrameSource source, Predicate<SourceStatus> condition, String what)
            throws InterruptedException {
        long start = System.nanoTime();
        SourceStatus status = source.status();
        while (!condition.test(status)) {
            if (System.nanoTime() - start > LIMIT_NANOS) {
                fail("waited for " + what + "; status is " + status);
            }
            Thread.sleep(2);
            status = source.status();
        }
        return status;
    }

    /** The next frame, failing when none comes. */
    public static LumaFrame frame(FrameSource source) throws InterruptedException {
        return source.next(Duration.ofSeconds(20)).orElseThrow(
                () -> new AssertionError("no frame came; status is " + source.status()));
    }

    /** Waits until {@code time} has a sleep pending beyond the {@code count} seen so far. */
    public static void sleeps(ManualTime time, int count) throws InterruptedException {
        long start = System.nanoTime();
        while (time.sleeps().size() < count) {
            if (System.nanoTime() - start > LIMIT_NANOS) {
                fail("waited for sleep #" + count + "; sleeps so far " + time.sleeps());
            }
            Thread.sleep(2);
        }
    }

    /** No thread of a camera source is left. */
    public static void noCameraThreads() throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .map(Thread::getName).filter(n -> n.startsWith("camera ")).toList();
            if (left.isEmpty()) {
                return;
            }
            assertTrue(System.nanoTime() - start < LIMIT_NANOS, "camera threads left running: " + left);
            Thread.sleep(5);
        }
    }
}
