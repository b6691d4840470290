package org.vitaleterminal.sim.nfc;

/**
 * A monotonic time source in nanoseconds. The chip schedules its ACKs and responses on it, so a
 * test can drive time by hand ({@link ManualNanoClock}) and check delays exactly.
 */
@FunctionalInterface
public interface NanoClock {
    long nanoTime();

    static NanoClock system() {
        return System::nanoTime;
    }
}
