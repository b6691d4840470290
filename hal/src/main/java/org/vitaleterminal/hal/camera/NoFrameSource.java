package org.vitaleterminal.hal.camera;

import java.time.Duration;
import java.util.Optional;

/** {@code camera.source=none}: a source that never has a frame, so the scan loop needs no special case. */
final class NoFrameSource implements FrameSource {
    private final FrameHandoff handoff = new FrameHandoff();
    private final StatusBoard board = new StatusBoard();

    @Override
    public void start() {
        board.set(SourceState.IDLE, "no camera configured");
    }

    @Override
    public Optional<LumaFrame> next(Duration maxWait) throws InterruptedException {
        return handoff.take(maxWait);
    }

    @Override
    public SourceStatus status() {
        return board.snapshot(handoff);
    }

    @Override
    public String describe() {
        return "none";
    }

    @Override
    public void close() {
        board.stopped();
        handoff.close();
    }
}
