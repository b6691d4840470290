package org.vitaleterminal.hal.scanner;

import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link ScannerCounts}: written by the source's thread, read by anyone. */
public final class ScannerCounters {
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong droppedOverlong = new AtomicLong();
    private final AtomicLong droppedGarbled = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();

    void line() {
        lines.incrementAndGet();
    }

    void overlong() {
        droppedOverlong.incrementAndGet();
    }

    void garbled() {
        droppedGarbled.incrementAndGet();
    }

    void reconnect() {
        reconnects.incrementAndGet();
    }

    public ScannerCounts snapshot() {
        return new ScannerCounts(lines.get(), droppedOverlong.get(), droppedGarbled.get(), reconnects.get());
    }
}
