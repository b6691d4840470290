package org.vitaleterminal.firmware.qr;

import java.util.Objects;
import java.util.Optional;
import org.vitaleterminal.hal.camera.LumaFrame;

/**
 * The QR pipeline from frame to verification: decode ({@link QrFrameDecoder}), debounce
 * ({@link PayloadDebouncer}, on the frame's capture time), classify ({@link PayloadKind}). Returns
 * a payload only for a new VT1 or HC1 text; repeats and every other kind of text are counted in
 * {@link QrScanCounters} and dropped. Not thread-safe: one per scan loop.
 */
public final class QrScanner {
    private final QrFrameDecoder decoder;
    private final PayloadDebouncer debouncer;
    private final QrScanCounters counters;

    public QrScanner(QrFrameDecoder decoder, PayloadDebouncer debouncer, QrScanCounters counters) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.debouncer = Objects.requireNonNull(debouncer, "debouncer");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** The payload to verify from this frame, if it holds a new credential text. */
    public Optional<QrPayload> scan(LumaFrame frame) {
        Optional<QrHit> hit = decoder.decode(frame);
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        String text = hit.get().text();
        // Debounce before classifying, so a poster's URL held in view is counted once, not per frame.
        if (!debouncer.isNew(text, frame.capturedNanos())) {
            counters.repeat();
            return Optional.empty();
        }
        PayloadKind kind = PayloadKind.of(text);
        if (!kind.isCredential()) {
            counters.ignored(kind);
            return Optional.empty();
        }
        counters.accepted();
        return Optional.of(new QrPayload(kind, text, frame.sequence(), frame.capturedNanos()));
    }
}
