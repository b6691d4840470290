package org.vitaleterminal.firmware.selftest;

/** How one check of {@code selftest} ended. */
public enum CheckStatus {
    /** Works. */
    PASS,
    /** Works for now, but needs attention (e.g. clock not NTP-synchronised); never fails selftest. */
    WARN,
    /** Does not work; fails selftest when the check is required. */
    FAIL,
    /** Not checked: not configured ({@code none}), held by the running terminal, or a prerequisite failed. */
    SKIP
}
