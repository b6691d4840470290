package org.vitaleterminal.credential.trust;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether a verified trust list may replace the one in use (spec §3): its version must
 * be above the highest version ever accepted — the terminal persists that number, so an attacker
 * who replays an older list cannot bring back a withdrawn key — except when it is the very list
 * already held (re-reading a retained MQTT message, or the same file imported twice). A list
 * already past exp + grace is refused too: it could not be used for anything.
 */
public final class TrustListGate {
    private TrustListGate() {}

    /**
     * @param highestAccepted the highest version accepted so far, or -1 when none
     * @param current         the list in use, or {@code null}
     * @return {@code true} when the candidate is new and should be stored; {@code false} when it
     *         is the list already in use (nothing to do)
     */
    public static boolean admit(TrustList candidate, long highestAccepted, TrustList current, Instant now,
                                Duration grace) throws TrustListException {
        if (current != null && current.hasEncoding(candidate.encoded())) {
            return false;
        }
        if (candidate.version() <= highestAccepted) {
            throw new TrustListException(TrustListProblem.ROLLBACK, "trust list version " + candidate.version()
                    + " is not above the highest accepted version " + highestAccepted);
        }
        if (candidate.isStale(now, grace)) {
            throw new TrustListException(TrustListProblem.STALE, "trust list expired (past exp + grace)");
        }
        return true;
    }
}
