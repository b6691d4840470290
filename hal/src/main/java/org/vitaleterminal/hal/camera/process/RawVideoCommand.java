package org.vitaleterminal.hal.camera.process;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A program that writes raw frames of a fixed size to its standard output, one after another,
 * and where the luma plane sits in each.
 *
 * @param program       short name for messages ({@code rpicam-vid}, {@code ffmpeg})
 * @param command       the command line
 * @param width         pixels per row
 * @param height        rows
 * @param rowStride     bytes from one luma row to the next
 * @param frameBytes    bytes per frame on the pipe (luma plane plus whatever follows, e.g. YUV420 chroma)
 * @param frameInterval the expected time between frames (pacing of replays, stall detection)
 */
public record RawVideoCommand(String program, List<String> command, int width, int height, int rowStride,
        int frameBytes, Duration frameInterval) {

    public RawVideoCommand {
        Objects.requireNonNull(program, "program");
        command = List.copyOf(command);
        Objects.requireNonNull(frameInterval, "frameInterval");
        if (width <= 0 || height <= 0 || rowStride < width
                || (long) rowStride * (height - 1) + width > frameBytes) {
            throw new IllegalArgumentException("raw frame " + width + "x" + height + " stride " + rowStride
                    + " does not fit " + frameBytes + " bytes");
        }
    }

    /** The frame rate that {@link #frameInterval} stands for. */
    public double fps() {
        return 1e9 / frameInterval.toNanos();
    }
}
