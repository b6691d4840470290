package org.vitaleterminal.firmware.selftest;

import java.util.List;

/** Counts per status and the verdict: passed unless a required check failed. */
public record Summary(int passed, int warned, int failed, int skipped, List<String> requiredFailures) {

    public static Summary of(List<CheckReport> reports) {
        int[] counts = new int[CheckStatus.values().length];
        for (CheckReport report : reports) {
            counts[report.result().status().ordinal()]++;
        }
        List<String> failures = reports.stream().filter(CheckReport::failsSelftest).map(CheckReport::name).toList();
        return new Summary(counts[CheckStatus.PASS.ordinal()], counts[CheckStatus.WARN.ordinal()],
                counts[CheckStatus.FAIL.ordinal()], counts[CheckStatus.SKIP.ordinal()], failures);
    }

    public boolean ok() {
        return requiredFailures.isEmpty();
    }

    /** e.g. {@code selftest FAILED (required: broker, camera): 6 passed, 1 warning, 2 failed, 3 skipped}. */
    public String line() {
        String verdict = ok() ? "selftest passed" : "selftest FAILED (required: " + String.join(", ", requiredFailures) + ")";
        return verdict + ": " + passed + " passed, " + warned + " warning(s), " + failed + " failed, " + skipped + " skipped";
    }
}
