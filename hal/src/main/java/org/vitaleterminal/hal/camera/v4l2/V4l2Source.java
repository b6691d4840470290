package org.vitaleterminal.hal.camera.v4l2;

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
 * A USB (UVC) webcam through {@code ffmpeg}'s V4L2 input, converted to 8-bit grey on its
 * standard output:
 *
 * <pre>ffmpeg -f v4l2 [-input_format F] [-framerate R] -video_size WxH -i DEVICE -pix_fmt gray -s WxH -f rawvideo -</pre>
 *
 * ffmpeg asks the driver for many capture buffers; they only add latency when ffmpeg falls
 * behind, and it never does here because the reader drains the pipe continuously (newest frame
 * wins on the Java side). Input buffering is switched off ({@code -fflags nobuffer -flags
 * low_delay}) and every frame is flushed to the pipe as soon as it is converted.
 *
 * <p>URI: {@code v4l2:/dev/video0,width=640,height=480} with optional {@code fps=N} and
 * {@code format=mjpeg|yuyv422|…} (the camera's pixel format; list them with
 * {@code v4l2-ctl --list-formats-ext}). Defaults: 640×480, the camera's own rate and format.
 */
public final class V4l2Source {
    public static final List<String> OPTIONS = List.of("width", "height", "fps", "format");

    private V4l2Source() {}

    /** @throws IllegalArgumentException naming a bad option and its expected form */
    public static FrameSource open(CameraUri uri, FrameSourceOptions options) {
        RawVideoCommand command = command(uri, options.ffmpeg());
        return new ProcessFrameSource("v4l2 " + uri.target() + " " + command.width() + "x" + command.height(),
                () -> command, Playback.LIVE, options);
    }

    /** The command line and frame layout for {@code uri}. */
    public static RawVideoCommand command(CameraUri uri, String executable) {
        if (!uri.target().startsWith("/")) {
            throw uri.invalid("expected a device path such as v4l2:/dev/video0, got '" + uri.target() + "'");
        }
        int width = uri.intOption("width", 640, 16, 4096);
        int height = uri.intOption("height", 480, 16, 4096);
        var fps = uri.optionalInt("fps", 1, 240);
        var format = uri.textOption("format", "[a-z0-9_]{2,20}", "an ffmpeg pixel format or codec name, e.g. mjpeg or yuyv422");
        String size = width + "x" + height;
        List<String> line = new ArrayList<>(List.of(executable, "-hide_banner", "-nostdin", "-loglevel", "error",
                "-fflags", "nobuffer", "-flags", "low_delay", "-f", "v4l2"));
        format.ifPresent(f -> line.addAll(List.of("-input_format", f)));
        fps.ifPresent(r -> line.addAll(List.of("-framerate", r.toString())));
        line.addAll(List.of("-video_size", size, "-i", uri.target(), "-map", "0:v:0", "-an",
                "-fps_mode", "passthrough", "-pix_fmt", "gray", "-s", size, "-f", "rawvideo", "-flush_packets", "1", "-"));
        return new RawVideoCommand("ffmpeg", line, width, height, width, width * height,
                Duration.ofNanos(1_000_000_000L / fps.orElse(30)));
    }
}
