package org.vitaleterminal.firmware.selftest;

import java.util.Objects;
import java.util.Optional;

/**
 * What one check found: its status, a one-line detail for the technician (what was checked and
 * what was seen; never personal data) and, for anything but a pass, the fix to try.
 */
public record CheckResult(CheckStatus status, String detail, Optional<String> fix) {
    public CheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
        if ((status == CheckStatus.FAIL || status == CheckStatus.WARN) && fix.isEmpty()) {
            // a failure line without a fix leaves the technician stuck: refuse it at the source
            throw new IllegalArgumentException(status + " needs a fix to try: " + detail);
        }
    }

    public static CheckResult pass(String detail) {
        return new CheckResult(CheckStatus.PASS, detail, Optional.empty());
    }

    public static CheckResult warn(String detail, String fix) {
        return new CheckResult(CheckStatus.WARN, detail, Optional.of(fix));
    }

    public static CheckResult fail(String detail, String fix) {
        return new CheckResult(CheckStatus.FAIL, detail, Optional.of(fix));
    }

    public static CheckResult skip(String detail) {
        return new CheckResult(CheckStatus.SKIP, detail, Optional.empty());
    }

    public static CheckResult skip(String detail, String fix) {
        return new CheckResult(CheckStatus.SKIP, detail, Optional.of(fix));
    }
}
