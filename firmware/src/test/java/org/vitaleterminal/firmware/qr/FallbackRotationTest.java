package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cursor, the attempt cap, the budget and skipped attempts, with a scripted runner on fake time. */
class FallbackRotationTest {
    private static final long MS = 1_000_000L;
    private static final LumaImage IMAGE = LumaImage.packed(new byte[64 * 64], 64, 64);
    private static final DecodeBudget UNLIMITED = DecodeBudget.UNLIMITED;

    private final Map<String, AttemptRunner.Outcome> outcomes = new HashMap<>();
    private final List<String> ran = new ArrayList<>();
    private long now;
    private final AttemptRunner runner = (attempt, image, lastHit) -> {
        ran.add(attempt.name());
        AttemptRunner.Outcome outcome = outcomes.getOrDefault(attempt.name(), AttemptRunner.Outcome.NOTHING);
        if (!(outcome instanceof AttemptRunner.Outcome.Skipped)) {
            now += 2 * MS;
        }
        return outcome;
    };
    private final FallbackRotation rotation = new FallbackRotation(List.of(attempt("a"), attempt("b"), attempt("c"),
            attempt("d")), runner, () -> now);

    private static QrAttempt attempt(String name) {
        return new QrAttempt(name, QrAttempt.Region.FULL, false, 0, QrAttempt.Binarizer.HYBRID, false,
                QrAttempt.Mode.NORMAL, QrAttempt.Tier.FALLBACK);
    }

    @Test
    void oneAttemptPerCallWalksRoundTheList() {
        for (int i = 0; i < 6; i++) {
            assertEquals(1, rotation.run(IMAGE, Optional.empty(), 1, UNLIMITED, now).attempts());
        }
        assertEquals(List.of("a", "b", "c", "d", "a", "b"), ran);
        assertEquals("c", rotation.next());
    }

    @Test
    void aBudgetStopsTheRunAndTheNextRunResumesWhereItStopped() {
        // 2 ms per attempt, budget 3 ms: a (0..2), b starts at 2 < 3 (2..4), c not started.
        FallbackRotation.Result result = rotation.run(IMAGE, Optional.empty(), Integer.MAX_VALUE,
                new DecodeBudget(3 * MS), now);
        assertEquals(List.of("a", "b"), ran);
        assertTrue(result.budgetExceeded());
        rotation.run(IMAGE, Optional.empty(), Integer.MAX_VALUE, new DecodeBudget(3 * MS), now);
        assertEquals(List.of("a", "b", "c", "d"), ran);
    }

    @Test
    void goesRoundAtMostOnceAndStopsAtAHit() {
        FallbackRotation.Result none = rotation.run(IMAGE, Optional.empty(), Integer.MAX_VALUE, UNLIMITED, now);
        assertEquals(List.of("a", "b", "c", "d"), ran);
        assertFalse(none.budgetExceeded());
        assertTrue(none.hit().isEmpty());

        ran.clear();
        outcomes.put("b", new AttemptRunner.Outcome.Hit(new QrHit("found", "b", Optional.empty())));
        FallbackRotation.Result hit = rotation.run(IMAGE, Optional.empty(), Integer.MAX_VALUE, UNLIMITED, now);
        assertEquals(List.of("a", "b"), ran);
        assertEquals("found", hit.hit().orElseThrow().text());
        assertEquals("c", rotation.next());
    }

    @Test
    void attemptsThatDoNotApplyAreNotCounted() {
        outcomes.put("a", AttemptRunner.Outcome.SKIPPED);
        outcomes.put("b", AttemptRunner.Outcome.SKIPPED);
        FallbackRotation.Result result = rotation.run(IMAGE, Optional.empty(), 1, UNLIMITED, now);
        assertEquals(List.of("a", "b", "c"), ran);
        assertEquals(1, result.attempts());

        ran.clear();
        outcomes.put("c", AttemptRunner.Outcome.SKIPPED);
        outcomes.put("d", AttemptRunner.Outcome.SKIPPED);
        assertEquals(0, rotation.run(IMAGE, Optional.empty(), 1, UNLIMITED, now).attempts(),
                "nothing applies: one lap, then stop");
        assertEquals(4, ran.size());
    }
}
