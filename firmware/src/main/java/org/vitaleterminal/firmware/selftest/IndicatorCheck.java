package org.vitaleterminal.firmware.selftest;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.vitaleterminal.firmware.run.Devices;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.indicator.Signal;

/**
 * Plays the test pattern on {@code indicator}: accepted (green, one beep), accepted without open
 * rights (amber, two beeps), rejected (red, long beep), then all off. Selftest can only tell that
 * the outputs were driven; the technician confirms seeing and hearing it, as the line says.
 */
public final class IndicatorCheck implements Check {
    /** Long enough for each pattern's beeps (the longest, rejected, beeps 0.8 s). */
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(1);
    private static final List<Signal> PATTERN = List.of(Signal.ACCEPTED, Signal.ACCEPTED_NO_OPEN_RIGHTS, Signal.REJECTED);

    private final Devices devices;
    private final String setting;
    private final Duration step;

    public IndicatorCheck(Devices devices, String setting, Duration step) {
        this.devices = devices;
        this.setting = setting;
        this.step = step;
    }

    @Override
    public String name() {
        return "indicator";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public CheckResult run() throws InterruptedException {
        Indicator indicator;
        try {
            indicator = devices.indicator(setting);
        } catch (IOException | RuntimeException e) {
            return CheckResult.fail(setting + ": cannot open (" + e.getMessage() + ")", DeviceFixes.indicator(setting));
        }
        try (indicator) {
            for (Signal signal : PATTERN) {
                indicator.show(signal);
                Thread.sleep(step.toMillis());
            }
            indicator.show(Signal.IDLE);
            return CheckResult.pass(indicator.describe() + ": test pattern played (green + 1 beep, amber + 2 beeps, "
                    + "red + long beep): confirm you saw and heard it");
        } catch (RuntimeException e) {
            return CheckResult.fail(indicator.describe() + ": " + e.getMessage(), DeviceFixes.indicator(setting));
        }
    }

    @Override
    public String fixWhenStuck() {
        return DeviceFixes.indicator(setting);
    }
}
