package org.vitaleterminal.firmware.selftest;

import java.util.Objects;

/** One line of the selftest report: which check, whether it is required, and its result. */
public record CheckReport(String name, boolean required, CheckResult result) {
    public CheckReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
    }

    /** Whether this line makes selftest exit 1. */
    public boolean failsSelftest() {
        return required && result.status() == CheckStatus.FAIL;
    }
}
