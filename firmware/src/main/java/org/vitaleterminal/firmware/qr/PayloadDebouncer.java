package org.vitaleterminal.firmware.qr;

import java.time.Duration;
import java.util.Objects;

/**
 * Turns "the same code decoded in frame after frame" into one decision. A text identical to the
 * last one is a repeat as long as it keeps being seen; it counts as new again once it has not
 * been seen for {@code forgetAfter} (the code left view, the phone was put away and shown
 * again). A different text is new at once.
 *
 * <p>Times are the frames' capture times ({@link org.vitaleterminal.hal.camera.LumaFrame#capturedNanos()}),
 * passed in by the caller: the debouncer reads no clock itself, so tests drive it
 * deterministically. Frames where the decoder misses the code (blur, a hand in the way) do not
 * end its visit: only {@code forgetAfter} without a sighting does, so it should span several
 * frames (default 1.5 s ≈ 45 frames at 30 fps).
 *
 * <p>Remembers only the last text; not thread-safe (one per scan loop).
 */
public final class PayloadDebouncer {
    public static final Duration DEFAULT_FORGET_AFTER = Duration.ofMillis(1500);

    private final long forgetAfterNanos;
    private String lastText;
    private long lastSeenNanos;

    public PayloadDebouncer(Duration forgetAfter) {
        if (forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new IllegalArgumentException("forgetAfter must be positive, was " + forgetAfter);
        }
        this.forgetAfterNanos = forgetAfter.toNanos();
    }

    /**
     * Records a sighting of {@code text} at {@code nowNanos}.
     *
     * @return true when this is a new decision, false for a repeat of the code still in view
     */
    public boolean isNew(String text, long nowNanos) {
        Objects.requireNonNull(text, "text");
        boolean repeat = text.equals(lastText) && nowNanos - lastSeenNanos < forgetAfterNanos;
        lastText = text;
        lastSeenNanos = nowNanos;
        return !repeat;
    }
}
