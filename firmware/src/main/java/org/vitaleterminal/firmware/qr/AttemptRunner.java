package org.vitaleterminal.firmware.qr;

import java.util.Optional;

/**
 * Runs one {@link QrAttempt} on an image. The production runner is {@link ZxingAttemptRunner};
 * tests of the strategy's ordering and budget substitute their own.
 */
interface AttemptRunner {

    /**
     * @param lastHit the box of the previous hit, for {@link QrAttempt.Region#LAST_HIT}
     */
    Outcome run(QrAttempt attempt, LumaImage image, Optional<QrHit.Bounds> lastHit);

    /** What one attempt found. */
    sealed interface Outcome {
        /** The attempt does not apply (no last hit, image too large to upscale, ...): it cost nothing. */
        record Skipped() implements Outcome {}

        /** No finder patterns: most likely there is no code here at all. */
        record Nothing() implements Outcome {}

        /** Finder patterns were found but the code did not decode: worth trying harder. */
        record Seen() implements Outcome {}

        record Hit(QrHit hit) implements Outcome {}

        Outcome SKIPPED = new Skipped();
        Outcome NOTHING = new Nothing();
        Outcome SEEN = new Seen();
    }
}
