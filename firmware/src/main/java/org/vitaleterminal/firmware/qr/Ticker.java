package org.vitaleterminal.firmware.qr;

/**
 * A monotonic nanosecond reading, injected wherever the QR pipeline measures time (the
 * per-frame decode budget), so that tests can drive the budget deterministically.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds from an arbitrary origin; only differences mean something. */
    long nanos();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
