package org.vitaleterminal.sim.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.vitaleterminal.hal.camera.CameraTime;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.hal.camera.SourceStatus;
import org.vitaleterminal.hal.camera.replay.FrameScript;
import org.vitaleterminal.hal.camera.replay.PacedFrameSource;

/**
 * A camera in front of which phones show their QR codes, for the demo and scan-loop tests: a
 * scripted sequence of "phone screens" ({@link QrScreen}), each held for a number of frames, at a
 * frame rate of an injected {@link CameraTime}.
 *
 * <pre>{@code
 * VirtualCamera camera = VirtualCamera.builder().fps(30).time(time)
 *         .show(wallet::presentQr, 45)   // asked when the screen comes up: a fresh presentation
 *         .blank(30)
 *         .show("HC1:...", 45)
 *         .build();
 * }</pre>
 *
 * A screen's text is asked for (and drawn) when the screen comes up, so a wallet can present a
 * code that is fresh at that moment. A text that cannot be drawn makes the camera FAILED, with sizes
 * in the detail and never the text itself.
 */
public final class VirtualCamera implements FrameSource {
    private final PacedFrameSource frames;

    private VirtualCamera(PacedFrameSource frames) {
        this.frames = frames;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void start() {
        frames.start();
    }

    @Override
    public Optional<LumaFrame> next(Duration maxWait) throws InterruptedException {
        return frames.next(maxWait);
    }

    @Override
    public SourceStatus status() {
        return frames.status();
    }

    @Override
    public String describe() {
        return frames.describe();
    }

    @Override
    public void close() {
        frames.close();
    }

    /** One scripted screen: a QR text (asked for when shown) or nothing, for some frames. */
    private record Screen(Supplier<String> text, int frames) {}

    public static final class Builder {
        private int width = 640;
        private int height = 480;
        private int moduleSize = 4;
        private int background = 128;
        private double fps = 30;
        private CameraTime time = CameraTime.system();
        private boolean loop;
        private final List<Screen> screens = new ArrayList<>();

        private Builder() {}

        /** Frame size; default 640x480. */
        public Builder size(int frameWidth, int frameHeight) {
            width = frameWidth;
            height = frameHeight;
            return this;
        }

        /** Pixels per QR module; default 4. */
        public Builder moduleSize(int pixels) {
            moduleSize = pixels;
            return this;
        }

        /** Grey level around the phone; default 128. */
        public Builder background(int level) {
            background = level;
            return this;
        }

        /** Frames per second; default 30. */
        public Builder fps(double framesPerSecond) {
            fps = framesPerSecond;
            return this;
        }

        public Builder time(CameraTime cameraTime) {
            time = Objects.requireNonNull(cameraTime, "time");
            return this;
        }

        /** Start the script over when it ends (default: idle after the last screen). */
        public Builder loop(boolean again) {
            loop = again;
            return this;
        }

        public Builder show(String text, int frameCount) {
            Objects.requireNonNull(text, "text");
            return show(() -> text, frameCount);
        }

        /** A screen whose text is asked for when it comes up (e.g. a wallet's fresh presentation). */
        public Builder show(Supplier<String> text, int frameCount) {
            screens.add(new Screen(Objects.requireNonNull(text, "text"), positive(frameCount)));
            return this;
        }

        /** No phone in view. */
        public Builder blank(int frameCount) {
            screens.add(new Screen(null, positive(frameCount)));
            return this;
        }

        public VirtualCamera build() {
            QrScreen screen = new QrScreen(width, height, moduleSize, background);
            List<Screen> script = List.copyOf(screens);
            String description = "virtual camera " + width + "x" + height + " @" + fps + "fps";
            return new VirtualCamera(new PacedFrameSource(description, new Script(screen, script, loop), fps, time));
        }

        private static int positive(int frameCount) {
            if (frameCount < 1) {
                throw new IllegalArgumentException("a screen shows for at least one frame, got " + frameCount);
            }
            return frameCount;
        }
    }

    /** Draws each screen when it comes up. */
    private static final class Script implements FrameScript {
        private final QrScreen screen;
        private final List<Screen> screens;
        private final boolean loop;
        private int next;

        Script(QrScreen screen, List<Screen> screens, boolean loop) {
            this.screen = screen;
            this.screens = screens;
            this.loop = loop;
        }

        @Override
        public Shot next() {
            if (next == screens.size()) {
                if (!loop || screens.isEmpty()) {
                    return null;
                }
                next = 0;
            }
            Screen s = screens.get(next++);
            return new Shot(s.text() == null ? screen.blank() : screen.show(s.text().get()), s.frames());
        }
    }
}
