package org.vitaleterminal.credential;

import java.time.Instant;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.trust.TrustList;

/**
 * What the terminal knows about itself at the moment of a verification (spec §4 step 0).
 *
 * @param now          the terminal's time, from its injected clock
 * @param clockTrusted false when the clock is below its persisted high-water mark or was never
 *                     synchronised: then everything is rejected with {@code CLOCK_UNTRUSTED}
 * @param trustList    the verified VT1 trust list in use, or {@code null} when there is none
 * @param hc1Signers   the trusted HC1 document signers (may be empty)
 */
public record TerminalState(Instant now, boolean clockTrusted, TrustList trustList, Hc1TrustStore hc1Signers) {
    public TerminalState {
        if (now == null || hc1Signers == null) {
            throw new NullPointerException("now and hc1Signers are required");
        }
    }
}
