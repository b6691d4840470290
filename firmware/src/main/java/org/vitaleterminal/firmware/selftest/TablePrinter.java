package org.vitaleterminal.firmware.selftest;

import java.io.PrintStream;
import java.util.List;

/**
 * The report for people: one line per check ({@code STATUS  name  detail — fix: …}), then a
 * summary line saying whether selftest passed and, if not, which required checks failed.
 */
public final class TablePrinter {
    private static final int NAME_WIDTH = 14;

    public void print(List<CheckReport> reports, PrintStream out) {
        for (CheckReport report : reports) {
            CheckResult result = report.result();
            StringBuilder line = new StringBuilder(String.format("%-4s  %-" + NAME_WIDTH + "s %s",
                    result.status(), report.name(), result.detail()));
            result.fix().ifPresent(fix -> line.append(" — fix: ").append(fix));
            out.println(line);
        }
        out.println(Summary.of(reports).line());
    }
}
