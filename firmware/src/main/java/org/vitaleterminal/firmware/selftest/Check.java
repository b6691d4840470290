package org.vitaleterminal.firmware.selftest;

/**
 * One check of {@code selftest}. A check opens what it tests and closes it before returning
 * (devices are never left open for the next check), and reports problems as a
 * {@link CheckResult}, not as exceptions; the runner still turns an unexpected exception or a
 * check that does not return in time into a FAIL line.
 */
public interface Check {

    /** The short name shown in the table and the JSON, e.g. {@code camera}. */
    String name();

    /** Whether a FAIL makes selftest exit 1. */
    boolean required();

    /**
     * Runs the check. May block on devices or the network; the runner interrupts it when its
     * time is up, so waits should be interruptible.
     */
    CheckResult run() throws Exception;

    /** The fix to print when the check did not finish in time. */
    default String fixWhenStuck() {
        return "run selftest again; if it sticks again, power-cycle the terminal and see docs/install.md §6";
    }
}
