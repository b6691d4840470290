package org.vitaleterminal.hal.scanner;

import java.time.Duration;

/** How the scanner thread waits between two attempts to open its device; a fake in tests. */
@FunctionalInterface
public interface Pause {

    void sleep(Duration duration) throws InterruptedException;

    static Pause system() {
        return Thread::sleep;
    }
}
