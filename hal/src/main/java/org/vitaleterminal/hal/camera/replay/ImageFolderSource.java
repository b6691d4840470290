package org.vitaleterminal.hal.camera.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.vitaleterminal.hal.camera.CameraUri;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.FrameSourceOptions;
import org.vitaleterminal.hal.camera.LumaImage;

/**
 * Replays pictures as camera frames, for tests, benchmarks and the demo:
 * {@code dir:/path/to/frames,fps=30[,loop=true]} shows every PNG, JPEG and PGM file of the folder
 * (other files are ignored) once, in name order, one frame each at {@code fps} (default 30), then
 * idles; {@code loop=true} starts over. {@code file:/path/picture.png} does the same with one
 * picture.
 *
 * <p>All pictures are decoded to luma once, when the source starts, so playback costs a copy per
 * frame and nothing else; together they may take at most {@value #MAX_TOTAL_MIB} MiB.
 */
public final class ImageFolderSource {
    public static final List<String> DIR_OPTIONS = List.of("fps", "loop");
    static final int MAX_TOTAL_MIB = 256;

    private ImageFolderSource() {}

    /** {@code dir:} — checks the folder exists now; reads the pictures when the source starts. */
    public static FrameSource openDir(CameraUri uri, FrameSourceOptions options) {
        Path dir = Path.of(uri.target());
        if (!Files.isDirectory(dir)) {
            throw uri.invalid("no folder " + dir);
        }
        int fps = uri.intOption("fps", 30, 1, 240);
        boolean loop = uri.booleanOption("loop", false);
        return new PacedFrameSource("dir " + dir + " @" + fps + "fps", new Stills(() -> list(dir), loop), fps,
                options.time());
    }

    /** {@code file:} with a picture: the picture as one frame (again and again with {@code loop=true}). */
    public static FrameSource openImage(CameraUri uri, FrameSourceOptions options) {
        Path file = Path.of(uri.target());
        if (!Files.isRegularFile(file)) {
            throw uri.invalid("no file " + file);
        }
        for (String videoOnly : List.of("width", "height")) {
            if (uri.options().containsKey(videoOnly)) {
                throw uri.invalid("option " + videoOnly + " only applies to videos; a picture keeps its own size");
            }
        }
        int fps = uri.intOption("fps", 30, 1, 240);
        boolean loop = uri.booleanOption("loop", false);
        return new PacedFrameSource("file " + file + " @" + fps + "fps", new Stills(() -> List.of(file), loop), fps,
                options.time());
    }

    /** The pictures of {@code dir} in name order. */
    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = entries.filter(Files::isRegularFile).filter(LumaImages::isImageName)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            if (files.isEmpty()) {
                throw new IOException("no PNG, JPEG or PGM pictures in " + dir);
            }
            return files;
        }
    }

    private interface Listing {
        List<Path> files() throws IOException;
    }

    /** Decodes every picture up front, then shows each for one frame. */
    private static final class Stills implements FrameScript {
        private final Listing listing;
        private final boolean loop;
        private final List<LumaImage> images = new ArrayList<>();
        private int next;

        Stills(Listing listing, boolean loop) {
            this.listing = listing;
            this.loop = loop;
        }

        @Override
        public void prepare() throws IOException {
            long total = 0;
            for (Path file : listing.files()) {
                LumaImage image = LumaImages.read(file);
                total += image.pixels().length;
                if (total > (long) MAX_TOTAL_MIB << 20) {
                    throw new IOException("the pictures take more than " + MAX_TOTAL_MIB + " MiB once decoded (stopped at "
                            + file + "); use fewer or smaller pictures, or a video");
                }
                images.add(image);
            }
        }

        @Override
        public Shot next() {
            if (next == images.size()) {
                if (!loop) {
                    return null;
                }
                next = 0;
            }
            return new Shot(images.get(next++), 1);
        }
    }
}
