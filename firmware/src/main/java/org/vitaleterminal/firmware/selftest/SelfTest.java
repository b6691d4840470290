package org.vitaleterminal.firmware.selftest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs checks one after the other, each on a thread of its own with a deadline: a device that
 * hangs in a driver call cannot hang selftest, it becomes a FAIL line and the next check runs.
 * The stuck thread is interrupted and, being a daemon, cannot keep the process alive.
 */
public final class SelfTest {
    /** Above the slowest healthy check (camera: first frame wait + counting, broker: connect timeout). */
    public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(20);

    private final Duration checkTimeout;

    public SelfTest(Duration checkTimeout) {
        if (checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("check timeout must be positive");
        }
        this.checkTimeout = checkTimeout;
    }

    public List<CheckReport> run(List<? extends Check> checks) throws InterruptedException {
        List<CheckReport> reports = new ArrayList<>();
        for (Check check : checks) {
            reports.add(new CheckReport(check.name(), check.required(), runOne(check)));
        }
        return List.copyOf(reports);
    }

    private CheckResult runOne(Check check) throws InterruptedException {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        Thread worker = Thread.ofPlatform().daemon().name("selftest-" + check.name()).unstarted(() -> {
            try {
                result.complete(check.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        worker.start();
        try {
            return result.get(checkTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            return CheckResult.fail("did not finish within " + checkTimeout.toSeconds() + " s (stuck)",
                    check.fixWhenStuck());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
                return CheckResult.fail("interrupted", "run selftest again");
            }
            // checks report known problems themselves; this is a bug, say so without guessing a fix
            return CheckResult.fail("unexpected error " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                    "run selftest again; if it repeats, report this line as a bug");
        } catch (InterruptedException e) {
            worker.interrupt();
            throw e;
        }
    }
}
