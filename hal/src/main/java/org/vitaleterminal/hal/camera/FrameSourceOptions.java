package org.vitaleterminal.hal.camera;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.vitaleterminal.hal.Backoff;

/**
 * What {@link FrameSources#open} needs besides the URI: time, restart policy, the programs to run.
 * Tests put fake {@code rpicam-vid} / {@code ffmpeg} scripts in a folder and use
 * {@link #withExecutableDir}.
 *
 * @param time              pacing, stall detection and backoff
 * @param backoff           the wait before restarting a failed capture process
 * @param stallFrames       a running capture that sends no frame for this many frame intervals is
 *                          restarted …
 * @param minimumStall      … but never after less than this (covers slow exposures)
 * @param firstFrameTimeout how long a freshly started process may take to send its first frame
 *                          (the Pi camera needs a second or two to start)
 * @param rpicamVid         the {@code rpicam-vid} program (a name looked up on PATH, or a path)
 * @param ffmpeg            the {@code ffmpeg} program
 * @param ffprobe           the {@code ffprobe} program (sizes of {@code file:} videos)
 */
public record FrameSourceOptions(CameraTime time, Backoff backoff, int stallFrames, Duration minimumStall,
        Duration firstFrameTimeout, String rpicamVid, String ffmpeg, String ffprobe) {
    /** 0.5 s, 1 s, 2 s … up to 30 s: a camera that was unplugged is retried quickly, then twice a minute. */
    public static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    public FrameSourceOptions {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(minimumStall, "minimumStall");
        Objects.requireNonNull(firstFrameTimeout, "firstFrameTimeout");
        Objects.requireNonNull(rpicamVid, "rpicamVid");
        Objects.requireNonNull(ffmpeg, "ffmpeg");
        Objects.requireNonNull(ffprobe, "ffprobe");
        if (stallFrames < 1) {
            throw new IllegalArgumentException("stallFrames must be at least 1, got " + stallFrames);
        }
    }

    /** System time, {@link #DEFAULT_BACKOFF}, stall after 10 frames (at least 1 s), 10 s for the first frame, programs from PATH. */
    public static FrameSourceOptions defaults() {
        return new FrameSourceOptions(CameraTime.system(), DEFAULT_BACKOFF, 10, Duration.ofSeconds(1),
                Duration.ofSeconds(10), "rpicam-vid", "ffmpeg", "ffprobe");
    }

    public FrameSourceOptions withTime(CameraTime newTime) {
        return new FrameSourceOptions(newTime, backoff, stallFrames, minimumStall, firstFrameTimeout, rpicamVid,
                ffmpeg, ffprobe);
    }

    public FrameSourceOptions withBackoff(Backoff newBackoff) {
        return new FrameSourceOptions(time, newBackoff, stallFrames, minimumStall, firstFrameTimeout, rpicamVid,
                ffmpeg, ffprobe);
    }

    public FrameSourceOptions withStall(int frames, Duration minimum, Duration firstFrame) {
        return new FrameSourceOptions(time, backoff, frames, minimum, firstFrame, rpicamVid, ffmpeg, ffprobe);
    }

    /** {@code rpicam-vid}, {@code ffmpeg} and {@code ffprobe} from {@code dir} instead of PATH. */
    public FrameSourceOptions withExecutableDir(Path dir) {
        return new FrameSourceOptions(time, backoff, stallFrames, minimumStall, firstFrameTimeout,
                dir.resolve("rpicam-vid").toString(), dir.resolve("ffmpeg").toString(),
                dir.resolve("ffprobe").toString());
    }

    /** No frame for this long means a stall, at {@code fps} frames per second. */
    public Duration stallTimeout(double fps) {
        Duration frames = Duration.ofNanos(Math.round(stallFrames * 1e9 / fps));
        return frames.compareTo(minimumStall) > 0 ? frames : minimumStall;
    }
}
