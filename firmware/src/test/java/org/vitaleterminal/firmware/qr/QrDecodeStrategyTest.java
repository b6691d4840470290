package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Order, fallback policy and budget of the strategy, with a scripted runner and a fake ticker. */
class QrDecodeStrategyTest {
    private static final long MS = 1_000_000L;
    private static final LumaImage IMAGE = LumaImage.packed(new byte[64 * 64], 64, 64);

    /** Every attempt "takes" 3 ms of fake time; outcomes scripted per attempt name (default NOTHING). */
    private static final class ScriptedRunner implements AttemptRunner {
        final Map<String, Outcome> outcomes = new HashMap<>();
        final List<String> ran = new ArrayList<>();
        long now;

        @Override
        public Outcome run(QrAttempt attempt, LumaImage image, Optional<QrHit.Bounds> lastHit) {
            ran.add(attempt.name());
            now += 3 * MS;
            return outcomes.getOrDefault(attempt.name(), Outcome.NOTHING);
        }
    }

    private static QrAttempt attempt(String name, QrAttempt.Tier tier) {
        return new QrAttempt(name, QrAttempt.Region.FULL, false, 0, QrAttempt.Binarizer.HYBRID, false,
                QrAttempt.Mode.NORMAL, tier);
    }

    private static final List<QrAttempt> ATTEMPTS = List.of(attempt("fast1", QrAttempt.Tier.FAST),
            attempt("fast2", QrAttempt.Tier.FAST), attempt("fb1", QrAttempt.Tier.FALLBACK),
            attempt("fb2", QrAttempt.Tier.FALLBACK), attempt("fb3", QrAttempt.Tier.FALLBACK),
            attempt("fb4", QrAttempt.Tier.FALLBACK));

    private final ScriptedRunner runner = new ScriptedRunner();
    private final QrDecodeStrategy strategy = new QrDecodeStrategy(ATTEMPTS, runner, () -> runner.now);

    private static AttemptRunner.Outcome hit(String text) {
        return new AttemptRunner.Outcome.Hit(new QrHit(text, "x", Optional.empty()));
    }

    @Test
    void runsEverythingInOrderWhenNothingIsFoundAndTimeIsUnlimited() {
        QrDecodeStrategy.Decode decode = strategy.decode(IMAGE, Optional.empty(), true, DecodeBudget.UNLIMITED);
        assertEquals(List.of("fast1", "fast2", "fb1", "fb2", "fb3", "fb4"), runner.ran);
        assertEquals(runner.ran, decode.tried());
        assertTrue(decode.hit().isEmpty());
        assertFalse(decode.budgetExceeded());
    }

    @Test
    void stopsAtTheFirstHit() {
        runner.outcomes.put("fb2", hit("found"));
        runner.outcomes.put("fb3", hit("later"));
        QrDecodeStrategy.Decode decode = strategy.decode(IMAGE, Optional.empty(), true, DecodeBudget.UNLIMITED);
        assertEquals(List.of("fast1", "fast2", "fb1", "fb2"), runner.ran);
        assertEquals("found", decode.hit().orElseThrow().text());
    }

    @Test
    void budgetStopsFallbacksBeforeTheNextAttemptNeverTheFastPath() {
        // 3 ms per attempt, 10 ms budget: fast1 (3), fast2 (6), fb1 (9), fb2 starts at 9 < 10 and ends at 12; fb3 not started.
        QrDecodeStrategy.Decode decode = strategy.decode(IMAGE, Optional.empty(), true, new DecodeBudget(10 * MS));
        assertEquals(List.of("fast1", "fast2", "fb1", "fb2"), runner.ran);
        assertTrue(decode.budgetExceeded());

        runner.ran.clear();
        QrDecodeStrategy.Decode none = strategy.decode(IMAGE, Optional.empty(), true, new DecodeBudget(0));
        assertEquals(List.of("fast1", "fast2"), runner.ran, "the fast path runs even with no budget");
        assertTrue(none.budgetExceeded());
    }

    @Test
    void aHitInsideTheBudgetIsNotABudgetOverrun() {
        runner.outcomes.put("fb1", hit("found"));
        QrDecodeStrategy.Decode decode = strategy.decode(IMAGE, Optional.empty(), true, new DecodeBudget(7 * MS));
        assertEquals("found", decode.hit().orElseThrow().text());
        assertFalse(decode.budgetExceeded());
    }

    @Test
    void withoutBlindFallbacksOnlySeenPatternsUnlockTheFallbacks() {
        QrDecodeStrategy.Decode empty = strategy.decode(IMAGE, Optional.empty(), false, DecodeBudget.UNLIMITED);
        assertEquals(List.of("fast1", "fast2"), runner.ran);
        assertFalse(empty.budgetExceeded(), "not running blind fallbacks is policy, not a budget overrun");

        runner.ran.clear();
        runner.outcomes.put("fast2", AttemptRunner.Outcome.SEEN);
        runner.outcomes.put("fb3", hit("found"));
        QrDecodeStrategy.Decode seen = strategy.decode(IMAGE, Optional.empty(), false, DecodeBudget.UNLIMITED);
        assertEquals(List.of("fast1", "fast2", "fb1", "fb2", "fb3"), runner.ran);
        assertEquals("found", seen.hit().orElseThrow().text());
    }

    @Test
    void skippedAttemptsAreNotListedAsTried() {
        runner.outcomes.put("fast1", AttemptRunner.Outcome.SKIPPED);
        QrDecodeStrategy.Decode decode = strategy.decode(IMAGE, Optional.empty(), false, DecodeBudget.UNLIMITED);
        assertEquals(List.of("fast2"), decode.tried());
    }

    @Test
    void attemptNamesAreUniqueAndTheStandardListStartsWithTheFastPath() {
        assertThrows(IllegalArgumentException.class, () -> new QrDecodeStrategy(
                List.of(attempt("a", QrAttempt.Tier.FAST), attempt("a", QrAttempt.Tier.FALLBACK)), runner,
                () -> 0));
        List<QrAttempt> standard = QrDecodeStrategy.STANDARD_ATTEMPTS;
        assertEquals(List.of("last-hit", "hybrid"), standard.stream()
                .filter(a -> a.tier() == QrAttempt.Tier.FAST).map(QrAttempt::name).toList());
        for (int i = 1; i < standard.size(); i++) {
            assertFalse(standard.get(i - 1).tier() == QrAttempt.Tier.FALLBACK
                    && standard.get(i).tier() == QrAttempt.Tier.FAST, "fast attempts come first");
        }
        assertThrows(IllegalArgumentException.class, () -> new DecodeBudget(-1));
    }
}
