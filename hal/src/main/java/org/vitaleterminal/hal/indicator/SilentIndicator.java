package org.vitaleterminal.hal.indicator;

import java.util.Objects;

/** {@code indicator=none}: shows nothing. */
public final class SilentIndicator implements Indicator {
    @Override
    public void show(Signal signal) {
        Objects.requireNonNull(signal, "signal");
    }

    @Override
    public String describe() {
        return "none";
    }

    @Override
    public void close() {}
}
