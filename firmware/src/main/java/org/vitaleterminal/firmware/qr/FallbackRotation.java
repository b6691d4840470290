package org.vitaleterminal.firmware.qr;

import java.util.List;
import java.util.Optional;

/**
 * The frame path's fallbacks, spread over frames: a cursor walks round the fallback list, and
 * each frame runs fallbacks from the cursor on — as many as fit in the budget when the fast path
 * saw evidence of a code, exactly one on a blind sweep frame. So the whole list is still covered
 * (within a dozen frames for a visible-but-hard code, a few dozen for one the fast path cannot
 * see at all), while no single frame pays for all of it.
 * Not thread-safe: one per decode thread.
 */
final class FallbackRotation {
    private final List<QrAttempt> fallbacks;
    private final AttemptRunner runner;
    private final Ticker ticker;
    private int cursor;

    FallbackRotation(List<QrAttempt> fallbacks, AttemptRunner runner, Ticker ticker) {
        if (fallbacks.isEmpty()) {
            throw new IllegalArgumentException("no fallbacks");
        }
        this.fallbacks = List.copyOf(fallbacks);
        this.runner = runner;
        this.ticker = ticker;
    }

    /**
     * Runs fallbacks from the cursor until one decodes, {@code maxAttempts} have run, the list has
     * gone round once, or the budget (counted from {@code startNanos}, on this rotation's ticker) is
     * spent. Attempts that do not apply to this image are passed over without counting.
     */
    Result run(LumaImage image, Optional<QrHit.Bounds> lastHit, int maxAttempts, DecodeBudget budget,
            long startNanos) {
        int ran = 0;
        for (int step = 0; step < fallbacks.size() && ran < maxAttempts; step++) {
            if (budget.spent(ticker.nanos() - startNanos)) {
                return new Result(Optional.empty(), ran, true);
            }
            QrAttempt attempt = fallbacks.get(cursor);
            cursor = (cursor + 1) % fallbacks.size();
            AttemptRunner.Outcome outcome = runner.run(attempt, image, lastHit);
            if (outcome instanceof AttemptRunner.Outcome.Skipped) {
                continue;
            }
            ran++;
            if (outcome instanceof AttemptRunner.Outcome.Hit hit) {
                return new Result(Optional.of(hit.hit()), ran, false);
            }
        }
        return new Result(Optional.empty(), ran, false);
    }

    /** The name of the fallback that runs next (tests, telemetry). */
    String next() {
        return fallbacks.get(cursor).name();
    }

    /**
     * @param hit            the code found, if any
     * @param attempts       fallbacks that ran
     * @param budgetExceeded stopped because the budget was spent
     */
    record Result(Optional<QrHit> hit, int attempts, boolean budgetExceeded) {}
}
