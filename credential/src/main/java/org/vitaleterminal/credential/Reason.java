package org.vitaleterminal.credential;

/**
 * Why a presented payload was accepted or rejected. The {@link #code()} strings are stable: they
 * appear in {@code verify} output, in FSE events and in logs, and back ends match on them.
 */
public enum Reason {
    OK,
    FORMAT,
    TOO_LARGE,
    UNSUPPORTED_ALG,
    UNKNOWN_KEY,
    KEY_NOT_VALID,
    BAD_SIGNATURE,
    NOT_YET_VALID,
    EXPIRED,
    REVOKED,
    BAD_HOLDER_SIGNATURE,
    STALE,
    CHALLENGE_MISMATCH,
    REPLAYED,
    DISCLOSURE_INVALID,
    INVALID_DATA,
    DEMO_NOT_ALLOWED,
    TRUST_LIST_MISSING,
    TRUST_LIST_STALE,
    CLOCK_UNTRUSTED;

    /** The wire code, identical to the constant's name. */
    public String code() {
        return name();
    }
}
