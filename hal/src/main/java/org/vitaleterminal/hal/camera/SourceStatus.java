package org.vitaleterminal.hal.camera;

import java.time.Duration;
import java.util.Objects;

/**
 * A snapshot of a {@link FrameSource}.
 *
 * <p>Every captured frame is eventually delivered to the consumer or dropped (replaced by a newer
 * one before the consumer took it), except the one waiting: {@code captured - delivered - dropped}
 * is 0 or 1.
 *
 * @param state     what the source is doing
 * @param detail    a short explanation for people (why it restarts or failed); empty when there is nothing to say
 * @param captured  frames read from the device since the source started
 * @param delivered frames the consumer took
 * @param dropped   frames replaced by a newer one before the consumer took them
 * @param restarts  how many times the capture was restarted after a failure
 * @param retryIn   while {@link SourceState#RESTARTING}: the backoff before the next attempt; else zero
 */
public record SourceStatus(SourceState state, String detail, long captured, long delivered, long dropped,
        int restarts, Duration retryIn) {

    public SourceStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(retryIn, "retryIn");
    }

    /** One line for logs and status pages, e.g. {@code RESTARTING in PT2S (rpicam-vid exited with status 255)}. */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(state.name());
        if (state == SourceState.RESTARTING) {
            line.append(" in ").append(retryIn);
        }
        if (!detail.isEmpty()) {
            line.append(" (").append(detail).append(')');
        }
        return line.append(": ").append(captured).append(" captured, ").append(delivered).append(" delivered, ")
                .append(dropped).append(" dropped, ").append(restarts).append(" restarts").toString();
    }
}
