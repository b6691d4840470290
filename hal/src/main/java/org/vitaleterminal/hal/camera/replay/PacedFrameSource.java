package org.vitaleterminal.hal.camera.replay;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.vitaleterminal.hal.camera.CameraTime;
import org.vitaleterminal.hal.camera.FrameHandoff;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.hal.camera.LumaImage;
import org.vitaleterminal.hal.camera.SourceState;
import org.vitaleterminal.hal.camera.SourceStatus;
import org.vitaleterminal.hal.camera.StatusBoard;

/**
 * Shows a {@link FrameScript} as a camera would: one frame every {@code 1/fps} seconds of
 * {@link CameraTime}, on a thread of its own, newest frame wins. Frames are due on a fixed
 * schedule from the first one, so pacing does not drift; a source that falls more than a frame
 * behind (a stalled machine) restarts its schedule instead of sending a burst.
 *
 * <p>Each frame is copied from its still into a recycled buffer, so a consumer can never spoil
 * the still for the frames after it.
 */
public final class PacedFrameSource implements FrameSource {
    private static final Duration JOIN = Duration.ofSeconds(3);

    private final String description;
    private final FrameScript script;
    private final long intervalNanos;
    private final CameraTime time;
    private final FrameHandoff handoff = new FrameHandoff();
    private final StatusBoard board = new StatusBoard();
    private final Object lifecycle = new Object();
    private Thread player;
    private volatile boolean closed;

    /** @param fps frames per second, more than 0 and at most 1000 */
    public PacedFrameSource(String description, FrameScript script, double fps, CameraTime time) {
        this.description = Objects.requireNonNull(description, "description");
        this.script = Objects.requireNonNull(script, "script");
        this.time = Objects.requireNonNull(time, "time");
        if (!(fps > 0 && fps <= 1000)) {
            throw new IllegalArgumentException("fps must be more than 0 and at most 1000, got " + fps);
        }
        this.intervalNanos = Math.round(1e9 / fps);
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("camera source " + description + " is closed");
            }
            if (player == null) {
                board.set(SourceState.STARTING, "");
                player = Thread.ofPlatform().daemon().name("camera " + description).start(this::play);
            }
        }
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
        return description;
    }

    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            running = player;
        }
        board.stopped();
        handoff.close();
        if (running != null) {
            running.interrupt();
            try {
                running.join(JOIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void play() {
        long shown = 0;
        long due = 0;
        try {
            script.prepare();
            for (FrameScript.Shot shot = script.next(); shot != null && !closed; shot = script.next()) {
                for (int i = 0; i < shot.frames() && !closed; i++) {
                    long now = time.nanoTime();
                    if (shown == 0 || now - due > intervalNanos) {
                        due = now;
                    }
                    time.sleep(Duration.ofNanos(due - now));
                    due += intervalNanos;
                    publish(shot.image());
                    if (shown++ == 0) {
                        board.set(SourceState.RUNNING, "");
                    }
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
