package org.vitaleterminal.firmware.event;

import java.time.Duration;

/**
 * What the terminal knew when it decided, besides the verification result itself.
 *
 * @param trustListVersion the version of the trust list in use, 0 when there was none
 * @param clockSynced      whether the clock was synchronised (NTP) at the time
 * @param latency          from the code being captured to the decision, or {@code null} if unknown
 */
public record DecisionFacts(long trustListVersion, boolean clockSynced, Duration latency) {
    public DecisionFacts {
        if (trustListVersion < 0) {
            throw new IllegalArgumentException("trustListVersion must not be negative");
        }
        if (latency != null && latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }
}
