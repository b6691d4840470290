package org.vitaleterminal.firmware.selftest;

/**
 * A check whose result is known before the run, so that the report always has the same lines:
 * the configuration (checked while building the other checks), a device configured
 * {@code none} or held by the running terminal, or any check the configuration did not allow.
 */
public record PresetCheck(String name, boolean required, CheckResult result) implements Check {

    @Override
    public CheckResult run() {
        return result;
    }
}
