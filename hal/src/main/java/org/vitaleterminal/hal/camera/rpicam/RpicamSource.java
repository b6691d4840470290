package org.vitaleterminal.hal.camera.rpicam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vitaleterminal.hal.camera.CameraUri;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.FrameSourceOptions;
import org.vitaleterminal.hal.camera.process.Playback;
import org.vitaleterminal.hal.camera.process.ProcessFrameSource;
import org.vitaleterminal.hal.camera.process.RawVideoCommand;

/**
 * The Raspberry Pi camera through libcamera's {@code rpicam-vid}, streaming raw YUV420 (I420) to
 * its standard output:
 *
 * <pre>rpicam-vid -t 0 -n --codec yuv420 --width W --height H --framerate F --flush -o -</pre>
 *
 * Each frame is the luma plane ({@code W × H} bytes) followed by two {@code W/2 × H/2} chroma
 * planes, which are read and ignored. The Pi's ISP pads luma rows to a multiple of 64 bytes, so
 * the width must be a multiple of 64 (640, 1280, 1536…): then rows have no padding and the frame
 * size on the pipe is exactly {@code W × H × 3/2}.
 *
 * <p>URI: {@code rpicam:width=1280,height=720,fps=30} with optional {@code camera=N} (index),
 * {@code shutter=µs}, {@code gain=G}, {@code denoise=auto|off|cdn_off|cdn_fast|cdn_hq},
 * {@code hflip=true}, {@code vflip=true}. Defaults: 1280×720 at 30 fps, denoise {@code cdn_off}
 * (cheapest, and colour denoise does not help a QR decoder).
 */
public final class RpicamSource {
    public static final List<String> OPTIONS =
            List.of("width", "height", "fps", "camera", "shutter", "gain", "denoise", "hflip", "vflip");

    private RpicamSource() {}

    /** @throws IllegalArgumentException naming a bad option and its expected form */
    public static FrameSource open(CameraUri uri, FrameSourceOptions options) {
        RawVideoCommand command = command(uri, options.rpicamVid());
        return new ProcessFrameSource("rpicam " + command.width() + "x" + command.height() + "@"
                + Math.round(command.fps()), () -> command, Playback.LIVE, options);
    }

    /** The command line and frame layout for {@code uri}. */
    public static RawVideoCommand command(CameraUri uri, String executable) {
        int width = uri.intOption("width", 1280, 64, 4608);
        if (width % 64 != 0) {
            int below = Math.max(64, width / 64 * 64);
            throw uri.invalid("width", "a multiple of 64 (the Pi ISP pads rows to 64 bytes), e.g. " + below
                    + " or " + (below + 64), String.valueOf(width));
        }
        int height = uri.intOption("height", 720, 16, 3496);
        if (height % 2 != 0) {
            throw uri.invalid("height", "an even number (YUV420 halves the rows)", String.valueOf(height));
        }
        int fps = uri.intOption("fps", 30, 1, 240);
        List<String> line = new ArrayList<>(List.of(executable, "-t", "0", "-n", "--codec", "yuv420",
                "--width", String.valueOf(width), "--height", String.valueOf(height),
                "--framerate", String.valueOf(fps), "--flush"));
        uri.optionalInt("camera", 0, 15).ifPresent(n -> line.addAll(List.of("--camera", n.toString())));
        uri.optionalInt("shutter", 1, 10_000_000).ifPresent(us -> line.addAll(List.of("--shutter", us.toString())));
        uri.textOption("gain", "([1-9][0-9]?)(\\.[0-9]{1,3})?", "an analogue gain from 1 to 99, e.g. 2 or 2.5")
                .ifPresent(g -> line.addAll(List.of("--gain", g)));
        line.addAll(List.of("--denoise", uri.textOption("denoise", "auto|off|cdn_off|cdn_fast|cdn_hq",
                "auto, off, cdn_off, cdn_fast or cdn_hq").orElse("cdn_off")));
        if (uri.booleanOption("hflip", false)) {
            line.add("--hflip");
        }
        if (uri.booleanOption("vflip", false)) {
            line.add("--vflip");
        }
        line.addAll(List.of("-o", "-"));
        int frameBytes = width * height + 2 * (width / 2) * (height / 2);
        return new RawVideoCommand("rpicam-vid", line, width, height, width, frameBytes,
                Duration.ofNanos(1_000_000_000L / fps));
    }
}
