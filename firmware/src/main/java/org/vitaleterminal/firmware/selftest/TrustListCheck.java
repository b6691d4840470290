package org.vitaleterminal.firmware.selftest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.Configuration;
import org.vitaleterminal.firmware.trust.TerminalTrust;
import org.vitaleterminal.firmware.trust.TrustFiles;

/**
 * The trust list the terminal would use (the stored copy, else {@code trust.list}) verifies
 * against the pinned roots and is not stale. In its grace period it is a WARN: verifications
 * still work, but the terminal has not received an update in time.
 */
public final class TrustListCheck implements Check {
    private static final String UPDATE = "restore the broker connection so the terminal receives the current list, "
            + "or install one: sudo -u vitale-terminal vitale-terminal trust import NEW-LIST.cose";

    private final Configuration config;
    private final Clock clock;

    public TrustListCheck(Configuration config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "trust-list";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public CheckResult run() {
        TerminalTrust trust;
        try {
            trust = TerminalTrust.load(config);
        } catch (ConfigException | TrustFiles.TrustFileException e) {
            return CheckResult.fail(e.getMessage(), "fix trust.roots / trust.list in the configuration "
                    + "(docs/configuration.md §2.4); the root PEM files come from the site's IT team");
        }
        if (trust.holder().current().isEmpty()) {
            return CheckResult.fail("no usable trust list: " + trust.loadProblem().orElse("none"),
                    "check that trust.roots holds the root that signed the list; " + UPDATE);
        }
        TrustList list = trust.holder().current().get();
        Instant now = clock.instant();
        String what = "version " + list.version() + " from " + trust.listFile().getFileName() + ", expires "
                + list.expiresAt();
        if (list.isStale(now, trust.grace())) {
            return CheckResult.fail(what + ": STALE (past expiry + trust.grace " + trust.grace()
                    + "), every VT1 credential is refused", UPDATE + "; if the date is wrong, fix the clock first");
        }
        if (now.isAfter(list.expiresAt())) {
            return CheckResult.warn(what + ": in its grace period, usable until " + list.expiresAt().plus(trust.grace()),
                    UPDATE);
        }
        return CheckResult.pass(what + " (in " + days(Duration.between(now, list.expiresAt())) + ")");
    }

    private static String days(Duration left) {
        return left.toHours() >= 48 ? left.toDays() + " d" : left.toHours() + " h";
    }
}
