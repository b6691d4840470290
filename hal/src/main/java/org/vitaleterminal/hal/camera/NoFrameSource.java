package org.vitaleterminal.hal.camera;

import java.time.Duration;

/** {@code camera.source=none}: a source that never has a frame, so the scan loop needs no special case. */
final class NoFrameSource extends AbstractFrameSource {
    NoFrameSource() {
        super("none", Duration.ZERO);
    }

    @Override
    protected void begin() {
        board.set(SourceState.IDLE, "no camera configured");
    }
}
