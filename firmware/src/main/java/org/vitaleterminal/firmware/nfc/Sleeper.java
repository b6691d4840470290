package org.vitaleterminal.firmware.nfc;

import java.time.Duration;

/** Waits; injected so that the retry loops run instantly in tests. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> Thread.sleep(duration);
    }
}
