package org.vitaleterminal.hal.camera.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vitaleterminal.hal.camera.CameraUri;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.FrameSourceOptions;
import org.vitaleterminal.hal.camera.process.Playback;
import org.vitaleterminal.hal.camera.process.ProcessFrameSource;
import org.vitaleterminal.hal.camera.process.RawVideoCommand;

/**
 * Replays a video file through {@code ffmpeg}, decoded to 8-bit grey:
 * {@code file:/path/video.mp4[,fps=30][,loop=true][,width=W,height=H]}.
 *
 * <p>Every frame of the video is shown once, one every {@code 1/fps} seconds (default 30),
 * whatever the file's own rate; then the source idles, or starts over with {@code loop=true}.
 * The frame size is the video's, asked from {@code ffprobe} when the source starts; with
 * {@code width} and {@code height} (both) the video is scaled to that size instead and ffprobe is
 * not needed.
 *
 * <pre>ffmpeg -i file:PATH -map 0:v:0 -fps_mode passthrough -pix_fmt gray -s WxH -f rawvideo -</pre>
 */
public final class VideoFileSource {
    public static final List<String> FILE_OPTIONS = List.of("fps", "loop", "width", "height");
    private static final Pattern SIZE = Pattern.compile("(?m)^(\\d{1,5})x(\\d{1,5})");
    private static final long PROBE_SECONDS = 15;

    private VideoFileSource() {}

    /** {@code file:} — a picture (PNG, JPEG, PGM by name) is shown as a still, anything else as a video. */
    public static FrameSource open(CameraUri uri, FrameSourceOptions options) {
        Path file = Path.of(uri.target()).toAbsolutePath();
        if (LumaImages.isImageName(file)) {
            return ImageFolderSource.openImage(uri, options);
        }
        if (!Files.isRegularFile(file)) {
            throw uri.invalid("no file " + file);
        }
        int fps = uri.intOption("fps", 30, 1, 240);
        Playback playback = uri.booleanOption("loop", false) ? Playback.LOOP : Playback.ONCE;
        Optional<Integer> width = uri.optionalInt("width", 16, 4096);
        Optional<Integer> height = uri.optionalInt("height", 16, 4096);
        if (width.isPresent() != height.isPresent()) {
            throw uri.invalid("give both width and height, or neither (then the video's own size is used)");
        }
        Duration interval = Duration.ofNanos(1_000_000_000L / fps);
        return new ProcessFrameSource("file " + file + " @" + fps + "fps", () -> {
            int[] size = width.isPresent() ? new int[] {width.get(), height.get()} : probeSize(options.ffprobe(), file);
            return command(options.ffmpeg(), file, size[0], size[1], interval);
        }, playback, options);
    }

    static RawVideoCommand command(String ffmpeg, Path file, int width, int height, Duration interval) {
        String size = width + "x" + height;
        // "file:" keeps ffmpeg from reading a name with a colon as a protocol
        List<String> line = List.of(ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error",
                "-i", "file:" + file, "-map", "0:v:0", "-an", "-fps_mode", "passthrough",
                "-pix_fmt", "gray", "-s", size, "-f", "rawvideo", "-");
        return new RawVideoCommand("ffmpeg", line, width, height, width, width * height, interval);
    }

    /** The size of the file's first video stream, from {@code ffprobe}. */
    static int[] probeSize(String ffprobe, Path file) throws IOException, InterruptedException {
        Process probe;
        try {
            probe = new ProcessBuilder(ffprobe, "-v", "error", "-select_streams", "v:0", "-show_entries",
                    "stream=width,height", "-of", "csv=p=0:s=x", "file:" + file)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + ffprobe + " to learn the size of " + file + " (" + e.getMessage()
                    + "); install ffmpeg, or give width and height", e);
        }
        try {
            probe.getOutputStream().close();
            if (!probe.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("ffprobe did not answer within " + PROBE_SECONDS + " s about " + file);
            }
            // the answer is a few bytes: it sits in the pipe until read
            String out = new String(probe.getInputStream().readNBytes(4096), StandardCharsets.US_ASCII);
            Matcher m = SIZE.matcher(out);
            int w = m.find() ? Integer.parseInt(m.group(1)) : 0;
            int h = w > 0 ? Integer.parseInt(m.group(2)) : 0;
            if (probe.exitValue() != 0 || w < 1 || h < 1 || w > 8192 || h > 8192) {
                throw new IOException("ffprobe found no usable video stream in " + file + " (exit status "
                        + probe.exitValue() + ")");
            }
            return new int[] {w, h};
        } finally {
            probe.destroyForcibly();
            probe.waitFor(1, TimeUnit.SECONDS);
        }
    }
}
