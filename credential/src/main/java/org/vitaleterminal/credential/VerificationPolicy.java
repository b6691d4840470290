package org.vitaleterminal.credential;

import java.time.Duration;
import java.util.Objects;

/**
 * The terminal's configurable verification rules (spec §4). The defaults are the spec's.
 *
 * @param qrMaxAge       how old a QR/wedge presentation may be ({@code presentation.maxAge})
 * @param qrMaxFuture    how far ahead of our clock its iat may be ({@code presentation.maxFuture})
 * @param nfcWindow      the largest |iat − now| for an NFC presentation
 * @param notBeforeSkew  tolerance for a credential's nbf (and an HC1 iat) ahead of our clock
 * @param trustListGrace how long a trust list stays usable after its exp ({@code trust.grace})
 * @param demoMode       accept demo keys and demo credentials ({@code demo})
 */
public record VerificationPolicy(Duration qrMaxAge, Duration qrMaxFuture, Duration nfcWindow, Duration notBeforeSkew,
                                 Duration trustListGrace, boolean demoMode) {
    public static final Duration DEFAULT_QR_MAX_AGE = Duration.ofSeconds(120);
    public static final Duration DEFAULT_QR_MAX_FUTURE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_NFC_WINDOW = Duration.ofSeconds(300);
    public static final Duration DEFAULT_NOT_BEFORE_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_TRUST_LIST_GRACE = Duration.ofHours(72);

    public VerificationPolicy {
        for (Duration d : new Duration[] {qrMaxAge, qrMaxFuture, nfcWindow, notBeforeSkew, trustListGrace}) {
            if (Objects.requireNonNull(d).isNegative()) {
                throw new IllegalArgumentException("durations must not be negative");
            }
        }
    }

    public static VerificationPolicy defaults() {
        return new VerificationPolicy(DEFAULT_QR_MAX_AGE, DEFAULT_QR_MAX_FUTURE, DEFAULT_NFC_WINDOW,
                DEFAULT_NOT_BEFORE_SKEW, DEFAULT_TRUST_LIST_GRACE, false);
    }

    public VerificationPolicy withDemoMode(boolean demo) {
        return new VerificationPolicy(qrMaxAge, qrMaxFuture, nfcWindow, notBeforeSkew, trustListGrace, demo);
    }

    public VerificationPolicy withTrustListGrace(Duration grace) {
        return new VerificationPolicy(qrMaxAge, qrMaxFuture, nfcWindow, notBeforeSkew, grace, demoMode);
    }

    public VerificationPolicy withQrWindow(Duration maxAge, Duration maxFuture) {
        return new VerificationPolicy(maxAge, maxFuture, nfcWindow, notBeforeSkew, trustListGrace, demoMode);
    }
}
