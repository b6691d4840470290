package org.vitaleterminal.hal.camera;

import java.time.Duration;

/**
 * The state half of a {@link SourceStatus}, written by a source's own thread and read by whoever
 * asks for status; the frame counters come from the {@link FrameHandoff}. Once {@link #stopped()}
 * it ignores further changes, so a capture thread finishing late cannot make a closed source look
 * alive again.
 */
public final class StatusBoard {
    private SourceState state = SourceState.STOPPED;
    private String detail = "";
    private int restarts;
    private Duration retryIn = Duration.ZERO;
    private boolean closed;

    public synchronized void set(SourceState newState, String newDetail) {
        if (!closed) {
            state = newState;
            detail = newDetail;
            retryIn = Duration.ZERO;
        }
    }

    /** Counts a restart and shows the wait before it. */
    public synchronized void restarting(String why, Duration backoff) {
        if (!closed) {
            state = SourceState.RESTARTING;
            detail = why;
            retryIn = backoff;
            restarts++;
        }
    }

    /** The source was closed: {@link SourceState#STOPPED} for good. */
    public synchronized void stopped() {
        state = SourceState.STOPPED;
        detail = "";
        retryIn = Duration.ZERO;
        closed = true;
    }

    public synchronized SourceStatus snapshot(FrameHandoff handoff) {
        FrameHandoff.Counters c = handoff.counters();
        return new SourceStatus(state, detail, c.captured(), c.delivered(), c.dropped(), restarts, retryIn);
    }
}
