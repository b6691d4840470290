package org.vitaleterminal.hal.camera;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vitaleterminal.hal.camera.replay.ImageFolderSource;
import org.vitaleterminal.hal.camera.replay.VideoFileSource;
import org.vitaleterminal.hal.camera.rpicam.RpicamSource;
import org.vitaleterminal.hal.camera.v4l2.V4l2Source;

/**
 * Opens a {@link FrameSource} from its configuration text ({@code camera.source}):
 *
 * <table>
 * <caption>Camera sources</caption>
 * <tr><td>{@code rpicam:width=1280,height=720,fps=30}</td><td>Raspberry Pi camera through {@code rpicam-vid}
 *     ({@link RpicamSource}); width a multiple of 64</td></tr>
 * <tr><td>{@code v4l2:/dev/video0,width=640,height=480}</td><td>USB webcam through {@code ffmpeg} ({@link V4l2Source})</td></tr>
 * <tr><td>{@code dir:/path/to/frames,fps=30}</td><td>the folder's pictures in name order, once or with
 *     {@code loop=true} ({@link ImageFolderSource})</td></tr>
 * <tr><td>{@code file:/path/video.mp4}</td><td>a video through {@code ffmpeg}, or one picture
 *     ({@link VideoFileSource})</td></tr>
 * <tr><td>{@code none}</td><td>no camera: a source that never has a frame</td></tr>
 * </table>
 *
 * Opening checks the text (and that a folder or file exists) and starts nothing; the source's
 * {@link FrameSource#start()} does. A missing program or camera shows in the source's status, not
 * as an exception.
 */
public final class FrameSources {
    /** Each kind's option names, in the order error messages list them. */
    private static final Map<String, List<String>> OPTIONS = knownOptions();

    private FrameSources() {}

    /** {@link #open(String, FrameSourceOptions)} with {@link FrameSourceOptions#defaults()}. */
    public static FrameSource open(String uri) {
        return open(uri, FrameSourceOptions.defaults());
    }

    /**
     * @throws IllegalArgumentException when the text is malformed: the message names the source,
     *                                  the option at fault and the expected form (the configuration
     *                                  layer prefixes its key)
     */
    public static FrameSource open(String uri, FrameSourceOptions options) {
        CameraUri parsed = CameraUri.parse(uri, OPTIONS);
        return switch (parsed.kind()) {
            case "rpicam" -> RpicamSource.open(parsed, options);
            case "v4l2" -> V4l2Source.open(parsed, options);
            case "dir" -> ImageFolderSource.openDir(parsed, options);
            case "file" -> VideoFileSource.open(parsed, options);
            default -> new NoFrameSource();
        };
    }

    private static Map<String, List<String>> knownOptions() {
        Map<String, List<String>> known = new LinkedHashMap<>();
        known.put("rpicam", RpicamSource.OPTIONS);
        known.put("v4l2", V4l2Source.OPTIONS);
        known.put("dir", ImageFolderSource.DIR_OPTIONS);
        known.put("file", VideoFileSource.FILE_OPTIONS);
        known.put("none", List.of());
        return Collections.unmodifiableMap(known);
    }
}
