package org.vitaleterminal.firmware.qr;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of the QR pipeline for status and telemetry. Written by the scan thread, read
 * by any thread through {@link #snapshot()}; counts only, never a payload.
 */
public final class QrScanCounters {
    private final LongAdder frames = new LongAdder();
    private final LongAdder decoded = new LongAdder();
    private final LongAdder budgetExceeded = new LongAdder();
    private final LongAdder presenceSkipped = new LongAdder();
    private final LongAdder repeats = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final Map<PayloadKind, LongAdder> ignored = new EnumMap<>(PayloadKind.class);

    public QrScanCounters() {
        for (PayloadKind kind : PayloadKind.values()) {
            if (!kind.isCredential()) {
                ignored.put(kind, new LongAdder());
            }
        }
    }

    void frame() {
        frames.increment();
    }

    void decoded() {
        decoded.increment();
    }

    void budgetExceeded() {
        budgetExceeded.increment();
    }

    void skippedByPresence() {
        presenceSkipped.increment();
    }

    /** Frames whose full-resolution fast read was skipped because the presence check saw no finder pattern. */
    public long presenceSkips() {
        return presenceSkipped.sum();
    }

    void repeat() {
        repeats.increment();
    }

    void accepted() {
        accepted.increment();
    }

    void ignored(PayloadKind kind) {
        if (kind.isCredential()) {
            throw new IllegalArgumentException(kind + " is never ignored");
        }
        ignored.get(kind).increment();
    }

    public Snapshot snapshot() {
        Map<PayloadKind, Long> ignoredCounts = new EnumMap<>(PayloadKind.class);
        ignored.forEach((kind, count) -> ignoredCounts.put(kind, count.sum()));
        return new Snapshot(frames.sum(), decoded.sum(), budgetExceeded.sum(), repeats.sum(), accepted.sum(),
                Collections.unmodifiableMap(ignoredCounts));
    }

    /**
     * The totals at one moment (each counter read separately: under load they may be a frame apart).
     *
     * @param frames         frames given to the decoder
     * @param decoded        frames in which a code was decoded
     * @param budgetExceeded frames whose fallbacks were cut short by the time budget
     * @param repeats        decoded frames that only repeated the code still in view
     * @param accepted       new VT1/HC1 texts passed on to verification
     * @param ignored        new texts of every other kind, per kind
     */
    public record Snapshot(long frames, long decoded, long budgetExceeded, long repeats, long accepted,
            Map<PayloadKind, Long> ignored) {
        public long ignoredTotal() {
            return ignored.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
