package org.vitaleterminal.hal.camera.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.hal.camera.Await;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.FrameSourceOptions;
import org.vitaleterminal.hal.camera.FrameSources;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.hal.camera.ManualTime;
import org.vitaleterminal.hal.camera.SourceState;
import org.vitaleterminal.hal.camera.SourceStatus;

/** dir: and file: sources: pictures written by the test, and small videos made with the real ffmpeg. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplaySourcesTest {
    private static final Duration FRAME_AT_30 = Duration.ofNanos(33_333_333);

    @TempDir
    Path tmp;
    private FrameSource source;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (source != null) {
            source.close();
        }
        Await.noCameraThreads();
    }

    private FrameSource open(String uri, ManualTime time) {
        source = FrameSources.open(uri, FrameSourceOptions.defaults().withTime(time));
        source.start();
        return source;
    }

    static int pattern(int x, int y, int n) {
        return (5 * x + 7 * y + 40 * n) & 0xFF;
    }

    private static void assertPattern(LumaFrame frame, int width, int height, int n) {
        assertEquals(width, frame.width());
        assertEquals(height, frame.height());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int got = frame.luma()[frame.offset() + y * frame.rowStride() + x] & 0xFF;
                if (got != pattern(x, y, n)) {
                    fail("frame " + n + " pixel (" + x + "," + y + ") is " + got + ", expected " + pattern(x, y, n));
                }
            }
        }
    }

    private static byte[] grey(int width, int height, int n) {
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) pattern(x, y, n);
            }
        }
        return pixels;
    }

    private static void writePgm(Path file, int width, int height, int n) throws IOException {
        byte[] header = ("P5\n# test frame\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        byte[] pixels = grey(width, height, n);
        byte[] all = new byte[header.length + pixels.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(pixels, 0, all, header.length, pixels.length);
        Files.write(file, all);
    }

    private static void writeGreyPng(Path file, int width, int height, int n) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, width, height, grey(width, height, n));
        ImageIO.write(image, "png", file.toFile());
    }

    /** Colour with equal channels: its luma is the channel value (306 + 601 + 117 = 1024). */
    private static void writeColourPng(Path file, int width, int height, int n) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = pattern(x, y, n);
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void aFolderPlaysItsPicturesOnceInNameOrderAtTheFrameRateThenIdles() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("frames"));
        writePgm(dir.resolve("a-first.pgm"), 40, 30, 1);
        writeGreyPng(dir.resolve("b-second.png"), 40, 30, 2);
        writeColourPng(dir.resolve("c-third.PNG"), 40, 30, 3);
        Files.writeString(dir.resolve("notes.txt"), "not a picture");
        ManualTime time = ManualTime.gated();
        open("dir:" + dir, time);

        for (int n = 1; n <= 3; n++) {
            assertPattern(Await.frame(source), 40, 30, n);
            if (n < 3) { // the first frame comes at once, each next one after a frame interval
                Await.sleeps(time, n);
                time.allow(1);
            }
        }
        SourceStatus status = Await.status(source, s -> s.state() == SourceState.IDLE, "idle after the folder");
        assertEquals("played 3 frames", status.detail());
        assertEquals(3, status.delivered());
        assertEquals(List.of(FRAME_AT_30, FRAME_AT_30), time.sleeps(), "one frame every 1/30 s");
        assertEquals(Optional.empty(), source.next(Duration.ZERO));
    }

    @Test
    void loopStartsTheFolderOverAndAFreeRunningClockDropsWhatTheConsumerMisses() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("frames"));
        writePgm(dir.resolve("1.pgm"), 8, 8, 1);
        writePgm(dir.resolve("2.pgm"), 8, 8, 2);
        ManualTime time = ManualTime.gated();
        open("dir:" + dir + ",fps=10,loop=true", time);
        for (int i = 0; i < 6; i++) {
            assertPattern(Await.frame(source), 8, 8, 1 + i % 2);
            Await.sleeps(time, i + 1);
            time.allow(1);
        }
        assertEquals(Duration.ofMillis(100), time.sleeps().getFirst());
    }

    @Test
    void aJpegIsReadAsItsLuma() throws Exception {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, x < 16 ? 0x202020 : 0xE0E0E0);
            }
        }
        Path file = tmp.resolve("still.jpg");
        assertTrue(ImageIO.write(image, "jpeg", file.toFile()));
        open("file:" + file, ManualTime.gated());
        LumaFrame frame = Await.frame(source);
        assertTrue(Math.abs((frame.luma()[4 * 32 + 4] & 0xFF) - 0x20) <= 6, "dark half");
        assertTrue(Math.abs((frame.luma()[4 * 32 + 27] & 0xFF) - 0xE0) <= 6, "light half");
    }

    @Test
    void aBrokenPictureFailsTheSourceNamingTheFile() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("frames"));
        writePgm(dir.resolve("a.pgm"), 8, 8, 1);
        Files.write(dir.resolve("b.pgm"), "P5\n8 8\n255\nshort".getBytes(StandardCharsets.US_ASCII));
        open("dir:" + dir, ManualTime.gated());
        SourceStatus status = Await.status(source, s -> s.state() == SourceState.FAILED, "failed");
        assertEquals(dir.resolve("b.pgm") + ": PGM pixel data truncated (5 of 64 bytes)", status.detail());
        assertEquals(0, status.captured(), "nothing is shown from a folder that cannot be read whole");
    }

    @Test
    void aFolderWithoutPicturesFails() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("frames"));
        Files.writeString(dir.resolve("readme.txt"), "x");
        open("dir:" + dir, ManualTime.gated());
        SourceStatus status = Await.status(source, s -> s.state() == SourceState.FAILED, "failed");
        assertEquals("no PNG, JPEG or PGM pictures in " + dir, status.detail());
    }

    // --- videos through the real ffmpeg ---

    private static Path ffmpeg() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "ffmpeg");
            if (Files.isExecutable(candidate) && Files.isExecutable(Path.of(dir, "ffprobe"))) {
                return candidate;
            }
        }
        String message = "ffmpeg/ffprobe not found on PATH: install the Debian package ffmpeg";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: .ci/run installs it)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** Encodes grey frames 1..count of the pattern with ffmpeg into {@code file}. */
    private static void encode(Path file, int width, int height, int count, String... codec) throws Exception {
        List<String> command = new ArrayList<>(List.of(ffmpeg().toString(), "-hide_banner", "-loglevel", "error",
                "-f", "rawvideo", "-pix_fmt", "gray", "-s", width + "x" + height, "-r", "10", "-i", "-"));
        command.addAll(List.of(codec));
        command.addAll(List.of("-y", file.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            for (int n = 1; n <= count; n++) {
                in.write(grey(width, height, n));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ffmpeg encodes in time");
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void aVideoPlaysEveryFrameOnceAtTheFrameRateWithItsProbedSize() throws Exception {
        Path video = tmp.resolve("clip.mkv");
        encode(video, 48, 32, 5, "-c:v", "ffv1", "-pix_fmt", "gray");
        ManualTime time = ManualTime.gated();
        open("file:" + video + ",fps=25", time);

        for (int n = 1; n <= 5; n++) {
            assertPattern(Await.frame(source), 48, 32, n);
            if (n < 5) {
                Await.sleeps(time, n);
                time.allow(1);
            }
        }
        SourceStatus status = Await.status(source, s -> s.state() == SourceState.IDLE, "idle after the video");
        assertEquals(5, status.captured());
        assertEquals(0, status.restarts());
        assertEquals(Duration.ofMillis(40), time.sleeps().getFirst());
    }

    @Test
    void aLoopedLossyMp4IsScaledToTheGivenSizeAndStartsOver() throws Exception {
        Path video = tmp.resolve("clip.mp4");
        encode(video, 64, 48, 3, "-c:v", "mpeg4", "-q:v", "2", "-pix_fmt", "yuv420p");
        ManualTime time = ManualTime.gated();
        open("file:" + video + ",width=32,height=24,loop=true", time);

        List<Integer> levels = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LumaFrame frame = Await.frame(source);
            assertEquals(32, frame.width());
            assertEquals(24, frame.height());
            levels.add(frame.luma()[0] & 0xFF);
            Await.sleeps(time, i + 1);
            time.allow(1);
        }
        // pixel (0,0) of frame n is 40 n before lossy coding and scaling: 40, 80, 120, then again
        for (int i = 0; i < 6; i++) {
            int expected = 40 * (1 + i % 3);
            assertTrue(Math.abs(levels.get(i) - expected) <= 12, "frame " + i + ": " + levels);
        }
        assertEquals(0, source.status().restarts(), "starting over is not a failure");
    }

    @Test
    void aFileThatIsNotAVideoFailsTheSource() throws Exception {
        ffmpeg();
        Path video = Files.writeString(tmp.resolve("fake.mp4"), "this is text");
        open("file:" + video, ManualTime.gated());
        SourceStatus status = Await.status(source, s -> s.state() == SourceState.FAILED, "failed");
        assertTrue(status.detail().startsWith("ffprobe found no usable video stream in " + video), status.detail());
    }
}
