package org.vitaleterminal.hal.camera.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.hal.Backoff;
import org.vitaleterminal.hal.camera.Await;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.FrameSourceOptions;
import org.vitaleterminal.hal.camera.FrameSources;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.hal.camera.ManualTime;
import org.vitaleterminal.hal.camera.SourceState;
import org.vitaleterminal.hal.camera.SourceStatus;

/** rpicam: and v4l2: sources against fake rpicam-vid / ffmpeg scripts that stream, die, stall or cut frames short. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessFrameSourceTest {
    private static final int W = 64;
    private static final int H = 16;
    private static final String RPICAM = "rpicam:width=64,height=16,fps=30";
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(10), Duration.ofMillis(80));

    @TempDir
    Path tmp;
    private FakeProgram fake;
    private FrameSource source;

    @BeforeEach
    void setUp() {
        fake = new FakeProgram(tmp);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (source != null) {
            source.close();
        }
        Await.noCameraThreads();
        assertNoFakeProcessLeft();
    }

    private FrameSource open(String uri, ManualTime time) {
        FrameSourceOptions options = FrameSourceOptions.defaults().withExecutableDir(tmp).withTime(time)
                .withBackoff(BACKOFF).withStall(10, Duration.ofSeconds(1), Duration.ofSeconds(10));
        source = FrameSources.open(uri, options);
        source.start();
        return source;
    }

    /** The frame's number, after checking every luma pixel against the pattern of that number. */
    private static int checkPattern(LumaFrame frame, int width, int height) {
        assertEquals(width, frame.width());
        assertEquals(height, frame.height());
        assertEquals(width, frame.rowStride());
        int n = -1;
        for (int candidate = 0; candidate < 15; candidate++) {
            if ((frame.luma()[frame.offset()] & 0xFF) == FakeProgram.luma(0, 0, candidate)) {
                n = candidate;
            }
        }
        assertTrue(n >= 0, "pixel (0,0) matches no frame of the pattern");
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int got = frame.luma()[frame.offset() + y * frame.rowStride() + x] & 0xFF;
                if (got != FakeProgram.luma(x, y, n)) {
                    fail("frame " + n + " pixel (" + x + "," + y + ") is " + got + ", expected " + FakeProgram.luma(x, y, n));
                }
            }
        }
        return n;
    }

    private static void assertNoFakeProcessLeft() {
        List<String> left = ProcessHandle.current().descendants()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("sleep 37") || c.contains("/rpicam-vid") || c.contains("/ffmpeg")).toList();
        assertEquals(List.of(), left, "processes left running");
    }

    @Test
    void rpicamFramesArriveAsTheirLumaPlaneWithTheChromaSkipped() throws Exception {
        fake.output(1, FakeProgram.yuv420(W, H, 1), FakeProgram.yuv420(W, H, 2), FakeProgram.yuv420(W, H, 3),
                FakeProgram.yuv420(W, H, 4), FakeProgram.yuv420(W, H, 5))
                .script("rpicam-vid", "cat \"$dir/run-$n.raw\"\nexec sleep 37");
        open(RPICAM, ManualTime.free());

        int last = 0;
        while (last < 5) {
            LumaFrame frame = Await.frame(source);
            int n = checkPattern(frame, W, H);
            assertTrue(n > last, "frames come in order: " + n + " after " + last);
            last = n;
        }
        SourceStatus status = Await.status(source, s -> s.captured() == 5, "5 frames captured");
        assertEquals(SourceState.RUNNING, status.state());
        assertEquals(5, status.delivered() + status.dropped());
        assertEquals(0, status.restarts());
        assertEquals(List.of("-t", "0", "-n", "--codec", "yuv420", "--width", "64", "--height", "16", "--framerate",
                "30", "--flush", "--denoise", "cdn_off", "-o", "-"), fake.args());
    }

    @Test
    void aProcessThatDiesIsRestartedWithDoublingBackoff() throws Exception {
        for (int run = 1; run <= 3; run++) {
            fake.output(run, FakeProgram.yuv420(W, H, run));
        }
        fake.script("rpicam-vid", "cat \"$dir/run-$n.raw\"\necho 'ERROR: *** camera fell off ***' >&2\nexit 3");
        ManualTime time = ManualTime.gated();
        open(RPICAM, time);

        for (int run = 1; run <= 3; run++) {
            assertEquals(run, checkPattern(Await.frame(source), W, H), "the frame of run " + run);
            int r = run;
            SourceStatus status = Await.status(source, s -> s.restarts() == r, "restart " + run);
            assertEquals(SourceState.RESTARTING, status.state());
            assertEquals("rpicam-vid exited with status 3: ERROR: *** camera fell off ***", status.detail());
            assertEquals(BACKOFF.delay(run), status.retryIn());
            Await.sleeps(time, run);
            time.allow(1);
        }
        assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40)),
                time.sleeps().subList(0, 3));
    }

    @Test
    void aStalledProcessIsKilledAndRestarted() throws Exception {
        fake.output(1, FakeProgram.yuv420(W, H, 1)).output(2, FakeProgram.yuv420(W, H, 2))
                .script("rpicam-vid", "cat \"$dir/run-$n.raw\"\nexec sleep 37");
        ManualTime time = ManualTime.gated();
        open(RPICAM, time);
        assertEquals(1, checkPattern(Await.frame(source), W, H));
        assertEquals(SourceState.RUNNING, source.status().state());

        time.advance(Duration.ofMillis(1001));
        SourceStatus status = Await.status(source, s -> s.state() == SourceState.RESTARTING, "stall detected");
        assertEquals("rpicam-vid stalled: no frame for 1 s", status.detail());
        assertNoFakeProcessLeft();

        time.allow(1);
        assertEquals(2, checkPattern(Await.frame(source), W, H));
        assertEquals(2, fake.runs());
    }

    @Test
    void aProcessThatSendsNothingIsRestartedAfterTheFirstFrameTimeout() throws Exception {
        fake.script("rpicam-vid", "exec sleep 37");
        ManualTime time = ManualTime.gated();
        open(RPICAM, time);
        while (fake.runs() == 0) {
            Thread.sleep(2);
        }
        time.advance(Duration.ofSeconds(9));
        Thread.sleep(50); // the watch runs; 9 s is within the first-frame allowance
        assertEquals(SourceState.STARTING, source.status().state());

        time.advance(Duration.ofMillis(1001));
        SourceStatus status = Await.status(source, s -> s.state() == SourceState.RESTARTING, "no first frame");
        assertEquals("rpicam-vid sent no frame within 10 s", status.detail());
    }

    @Test
    void aTruncatedFrameIsDroppedAndReported() throws Exception {
        byte[] second = FakeProgram.yuv420(W, H, 2);
        fake.output(1, FakeProgram.yuv420(W, H, 1), java.util.Arrays.copyOf(second, 1000))
                .script("rpicam-vid", "cat \"$dir/run-$n.raw\"\nexit 0");
        open(RPICAM, ManualTime.gated());

        assertEquals(1, checkPattern(Await.frame(source), W, H));
        SourceStatus status = Await.status(source, s -> s.restarts() == 1, "restart");
        assertEquals("rpicam-vid ended mid-frame (1000 of 1536 bytes); rpicam-vid exited with status 0",
                status.detail());
        assertEquals(1, status.captured(), "the partial frame is never published");
    }

    @Test
    void aMissingProgramShowsInStatusAndIsRetried() throws Exception {
        ManualTime time = ManualTime.gated();
        open(RPICAM, time);
        SourceStatus status = Await.status(source, s -> s.state() == SourceState.RESTARTING, "restarting");
        assertTrue(status.detail().startsWith("cannot run " + tmp.resolve("rpicam-vid")), status.detail());
        time.allow(1);
        Await.status(source, s -> s.restarts() == 2, "second attempt");
    }

    @Test
    void aChattyStderrIsDrainedAndOnlyItsLastLineShown() throws Exception {
        fake.output(1, FakeProgram.yuv420(W, H, 1))
                .script("rpicam-vid", "head -c 1000000 /dev/zero | tr '\\0' 'x' >&2\necho >&2\n"
                        + "printf 'last words \\033[31m%0300d\\n' 0 >&2\ncat \"$dir/run-$n.raw\"\nexit 1");
        open(RPICAM, ManualTime.gated());
        assertEquals(1, checkPattern(Await.frame(source), W, H));
        SourceStatus status = Await.status(source, s -> s.restarts() == 1, "restart");
        String detail = status.detail();
        assertTrue(detail.startsWith("rpicam-vid exited with status 1: last words ?[31m000"), detail);
        assertTrue(detail.length() < 220, "the line is cut: " + detail.length());
    }

    @Test
    void closeEndsTheWholeProcessTreeAndTheThreads() throws Exception {
        fake.output(1, FakeProgram.yuv420(W, H, 1))
                .script("rpicam-vid", "cat \"$dir/run-$n.raw\"\nsleep 37\nsleep 37");
        open(RPICAM, ManualTime.free());
        Await.frame(source);
        // the script's own child (not exec'd) is running: close must end it too
        while (ProcessHandle.current().descendants().noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 37"))) {
            Thread.sleep(2);
        }
        source.close();
        assertEquals(SourceState.STOPPED, source.status().state());
        assertTrue(source.next(Duration.ofSeconds(5)).isEmpty(), "a closed source has no frame");
        // @AfterEach checks that no thread and no process is left
    }

    @Test
    void v4l2FramesComeFromFfmpegAsGrey() throws Exception {
        fake.output(1, FakeProgram.gray(80, 60, 1), FakeProgram.gray(80, 60, 2), FakeProgram.gray(80, 60, 3))
                .script("ffmpeg", "cat \"$dir/run-$n.raw\"\nexec sleep 37");
        open("v4l2:/dev/video7,width=80,height=60,fps=15", ManualTime.free());
        int last = 0;
        while (last < 3) {
            last = checkPattern(Await.frame(source), 80, 60);
        }
        String args = String.join(" ", fake.args());
        assertTrue(args.contains("-f v4l2 -framerate 15 -video_size 80x60 -i /dev/video7"), args);
        assertTrue(args.contains("-pix_fmt gray -s 80x60 -f rawvideo"), args);
        assertEquals("v4l2 /dev/video7 80x60", source.describe());
    }
}
