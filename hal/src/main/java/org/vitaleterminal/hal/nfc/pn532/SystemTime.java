package org.vitaleterminal.hal.nfc.pn532;

import java.io.InterruptedIOException;
import java.time.Duration;

/** {@link TimeSource#system()}: an enum so the one instance holds no state at all. */
enum SystemTime implements TimeSource {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedIOException {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while waiting for the PN532");
            io.initCause(e);
            throw io;
        }
    }
}
