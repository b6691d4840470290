package org.vitaleterminal.hal.scanner;

import java.util.Objects;
import java.util.function.Consumer;

/** {@code scanner.source=none}: never delivers a line, holds nothing, starts no thread. */
public final class NoScanner implements ScannerSource {
    private static final ScannerCounts ZERO = new ScannerCounts(0, 0, 0, 0);

    @Override
    public void start(Consumer<String> lines) {
        Objects.requireNonNull(lines, "lines");
    }

    @Override
    public ScannerState state() {
        return ScannerState.STOPPED;
    }

    @Override
    public ScannerCounts counts() {
        return ZERO;
    }

    @Override
    public String describe() {
        return "none";
    }

    @Override
    public void close() {}
}
