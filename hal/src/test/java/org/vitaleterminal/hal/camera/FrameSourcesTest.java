package org.vitaleterminal.hal.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vitaleterminal.hal.camera.process.RawVideoCommand;
import org.vitaleterminal.hal.camera.rpicam.RpicamSource;
import org.vitaleterminal.hal.camera.v4l2.V4l2Source;

class FrameSourcesTest {
    private static final Map<String, List<String>> KNOWN = Map.of(
            "rpicam", RpicamSource.OPTIONS, "v4l2", V4l2Source.OPTIONS, "dir", List.of("fps", "loop"),
            "file", List.of("fps", "loop", "width", "height"), "none", List.of());

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                               | no camera source",
        "webcam:/dev/video0               | unknown kind 'webcam'",
        "rpicam:widht=1280                | unknown option 'widht' (rpicam options: width, height, fps",
        "rpicam:width=1000                | option width: expected a multiple of 64 (the Pi ISP pads rows to 64 bytes), e.g. 960 or 1024, got '1000'",
        "rpicam:width=640,width=1280      | option 'width' given twice",
        "rpicam:height=481                | option height: expected an even number",
        "rpicam:fps=abc                   | option fps: expected a whole number from 1 to 240, got 'abc'",
        "rpicam:fps=0                     | option fps: expected a whole number from 1 to 240, got '0'",
        "rpicam:denoise=max               | option denoise: expected auto, off, cdn_off, cdn_fast or cdn_hq, got 'max'",
        "rpicam:hflip=yes                 | option hflip: expected true or false, got 'yes'",
        "rpicam:1280x720                  | '1280x720' is not an option of the form name=value",
        "v4l2:                            | needs a device, e.g. v4l2:/dev/video0",
        "v4l2:video0,width=640            | expected a device path such as v4l2:/dev/video0",
        "v4l2:/dev/video0,format=MJPG;rm  | option format: expected an ffmpeg pixel format or codec name",
        "v4l2:/dev/video0,width=          | 'width=' is not an option of the form name=value",
        "none:x                           | 'x' is not an option of the form name=value (none takes no options)",
        "none,fps=3                       | unknown kind",
        "dir:                             | needs a path, e.g. dir:/path",
        "dir:/no/such/folder/here         | no folder /no/such/folder/here",
        "file:/no/such/video.mp4          | no file /no/such/video.mp4",
    })
    void badSourcesAreRefusedWithTheOptionAndTheExpectedForm(String uri, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameSources.open(uri));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void dirOptionsAreChecked() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("frames"));
        IllegalArgumentException fps = assertThrows(IllegalArgumentException.class,
                () -> FrameSources.open("dir:" + dir + ",fps=fast"));
        assertTrue(fps.getMessage().contains("option fps: expected a whole number from 1 to 240, got 'fast'"),
                fps.getMessage());
        IllegalArgumentException loop = assertThrows(IllegalArgumentException.class,
                () -> FrameSources.open("dir:" + dir + ",loop=1"));
        assertTrue(loop.getMessage().contains("option loop: expected true or false"), loop.getMessage());
    }

    @Test
    void fileOptionsAreChecked() throws IOException {
        Path video = Files.write(tmp.resolve("v.mp4"), new byte[] {0});
        Path picture = Files.write(tmp.resolve("p.png"), new byte[] {0});
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> FrameSources.open("file:" + video + ",width=320"));
        assertTrue(half.getMessage().contains("give both width and height"), half.getMessage());
        IllegalArgumentException still = assertThrows(IllegalArgumentException.class,
                () -> FrameSources.open("file:" + picture + ",width=320,height=240"));
        assertTrue(still.getMessage().contains("width only applies to videos"), still.getMessage());
    }

    @Test
    void rpicamCommandStreamsYuv420AndSkipsTheChromaPlanes() {
        RawVideoCommand c = RpicamSource.command(CameraUri.parse("rpicam:width=640,height=480,fps=60,camera=1,"
                + "shutter=8000,gain=2.5,hflip=true", KNOWN), "/opt/rpicam-vid");
        assertEquals(List.of("/opt/rpicam-vid", "-t", "0", "-n", "--codec", "yuv420", "--width", "640", "--height",
                "480", "--framerate", "60", "--flush", "--camera", "1", "--shutter", "8000", "--gain", "2.5",
                "--denoise", "cdn_off", "--hflip", "-o", "-"), c.command());
        assertEquals(640 * 480 * 3 / 2, c.frameBytes());
        assertEquals(640, c.rowStride());
        assertEquals(Duration.ofNanos(16_666_666), c.frameInterval());
    }

    @Test
    void rpicamDefaultsTo1280x720At30() {
        RawVideoCommand c = RpicamSource.command(CameraUri.parse("rpicam:", KNOWN), "rpicam-vid");
        assertEquals(1280, c.width());
        assertEquals(720, c.height());
        assertEquals(30, Math.round(c.fps()));
    }

    @Test
    void v4l2CommandAsksFfmpegForGreyFramesOfTheGivenSize() {
        RawVideoCommand c = V4l2Source.command(CameraUri.parse("v4l2:/dev/video2,width=320,height=240,fps=15,"
                + "format=mjpeg", KNOWN), "ffmpeg");
        String line = String.join(" ", c.command());
        assertTrue(line.contains("-f v4l2 -input_format mjpeg -framerate 15 -video_size 320x240 -i /dev/video2"), line);
        assertTrue(line.endsWith("-pix_fmt gray -s 320x240 -f rawvideo -flush_packets 1 -"), line);
        assertEquals(320 * 240, c.frameBytes());
    }

    @Test
    void noneIsASourceThatNeverHasAFrame() throws InterruptedException {
        try (FrameSource none = FrameSources.open(" none ")) {
            none.start();
            assertEquals(Optional.empty(), none.next(Duration.ofMillis(1)));
            assertEquals(SourceState.IDLE, none.status().state());
            assertEquals("none", none.describe());
        }
    }

    @Test
    void openingStartsNothing() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("empty"));
        try (FrameSource source = FrameSources.open("dir:" + dir)) {
            assertEquals(SourceState.STOPPED, source.status().state());
            assertFalse(source.describe().isEmpty());
        }
    }
}
