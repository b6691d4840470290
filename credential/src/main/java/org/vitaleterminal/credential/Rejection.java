package org.vitaleterminal.credential;

/**
 * Internal control flow for a failed check: the reason code plus a short, fixed explanation.
 *
 * <p>The detail is always a constant written in this code base, never text taken from the
 * payload, so it can go into logs and rejected events without leaking personal data. No stack
 * trace is captured: rejections are ordinary outcomes on the scan path, not bugs.
 */
public final class Rejection extends Exception {
    private final Reason reason;

    public Rejection(Reason reason, String detail) {
        super(detail, null, false, false);
        if (reason == Reason.OK) {
            throw new IllegalArgumentException("a rejection needs a failure reason");
        }
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
