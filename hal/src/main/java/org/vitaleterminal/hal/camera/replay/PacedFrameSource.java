package org.vitaleterminal.hal.camera.replay;

import java.time.Duration;
import java.util.Objects;
import org.vitaleterminal.hal.camera.AbstractFrameSource;
import org.vitaleterminal.hal.camera.CameraTime;
import org.vitaleterminal.hal.camera.LumaImage;
import org.vitaleterminal.hal.camera.SourceState;

/**
 * Shows a {@link FrameScript} as a camera would: one frame every {@code 1/fps} seconds of
 * {@link CameraTime}, on a thread of its own, newest frame wins. Frames are due on a fixed
 * schedule from the first one, so pacing does not drift; a source that falls more than a frame
 * behind (a stalled machine) restarts its schedule instead of sending a burst.
 *
 * <p>Each frame is copied from its still into a recycled buffer, so a consumer can never spoil
 * the still for the frames after it.
 */
public final class PacedFrameSource extends AbstractFrameSource {
    private static final Duration JOIN = Duration.ofSeconds(3);

    private final FrameScript script;
    private final long intervalNanos;
    private final CameraTime time;

    /** @param fps frames per second, more than 0 and at most 1000 */
    public PacedFrameSource(String description, FrameScript script, double fps, CameraTime time) {
        super(description, JOIN);
        this.script = Objects.requireNonNull(script, "script");
        this.time = Objects.requireNonNull(time, "time");
        if (!(fps > 0 && fps <= 1000)) {
            throw new IllegalArgumentException("fps must be more than 0 and at most 1000, got " + fps);
        }
        this.intervalNanos = Math.round(1e9 / fps);
    }

    @Override
    protected void begin() {
        startProducer(this::play);
    }

    private void play() {
        long shown = 0;
        long due = 0;
        try {
            script.prepare();
            for (FrameScript.Shot shot = script.next(); shot != null && !isClosed(); shot = script.next()) {
                for (int i = 0; i < shot.frames() && !isClosed(); i++) {
                    long now = time.nanoTime();
                    if (shown == 0 || now - due > intervalNanos) {
                        due = now;
                    }
                    time.sleep(Duration.ofNanos(due - now));
                    due += intervalNanos;
                    if (shown++ == 0) {
                        board.set(SourceState.RUNNING, ""); // before the frame: whoever holds it sees RUNNING
                    }
                    publish(shot.image());
                }
            }
            board.set(SourceState.IDLE, "played " + shown + " frames");
        } catch (InterruptedException e) {
            // closed
        } catch (Exception e) {
            board.set(SourceState.FAILED, Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        }
    }

    private void publish(LumaImage image) {
        int size = image.pixels().length;
        byte[] buffer = handoff.buffer(size);
        System.arraycopy(image.pixels(), 0, buffer, 0, size);
        handoff.publish(buffer, image.width(), image.height(), image.width(), time.nanoTime());
    }
}
