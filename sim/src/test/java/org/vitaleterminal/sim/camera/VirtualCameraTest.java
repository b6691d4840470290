package org.vitaleterminal.sim.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vitaleterminal.hal.camera.CameraTime;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.hal.camera.SourceState;
import org.vitaleterminal.hal.camera.SourceStatus;
import org.vitaleterminal.sim.qr.QrSymbol;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VirtualCameraTest {
    private static final String A = "VT1:NCFOXN*TS0BIO DAP47VO03PI-8UM9:3OC63/6BC";
    private static final String B = "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N";

    /** Each sleep waits for the test's permission; the clock moves by the sleep. */
    static final class SteppedTime implements CameraTime {
        final AtomicLong now = new AtomicLong();
        final Semaphore permits = new Semaphore(0);
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            if (d.isZero() || d.isNegative()) {
                return;
            }
            synchronized (sleeps) {
                sleeps.add(d);
            }
            permits.acquire();
            now.addAndGet(d.toNanos());
        }
    }

    /** The next frame; the camera may then go on to the one after (one frame interval). */
    private static LumaFrame frame(VirtualCamera camera, SteppedTime time) throws InterruptedException {
        LumaFrame frame = camera.next(Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no frame; " + camera.status()));
        time.permits.release();
        return frame;
    }

    private static LumaFrame frameAndHold(VirtualCamera camera) throws InterruptedException {
        return camera.next(Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no frame; " + camera.status()));
    }

    private static String decode(LumaFrame f) throws Exception {
        var source = new PlanarYUVLuminanceSource(f.luma(), f.rowStride(), f.height(), 0, 0, f.width(), f.height(), false);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    /** Every module of the code is where the encoder put it, in exact black and white, centred, on the background. */
    private static void assertDrawn(LumaFrame f, String text, int moduleSize, int background) {
        QrSymbol symbol = QrSymbol.encode(text);
        int side = (symbol.size() + 2 * QrScreen.QUIET_ZONE) * moduleSize;
        int left = (f.width() - side) / 2;
        int top = (f.height() - side) / 2;
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                int got = f.luma()[y * f.rowStride() + x] & 0xFF;
                int expected;
                if (x < left || y < top || x >= left + side || y >= top + side) {
                    expected = background;
                } else {
                    int mx = (x - left) / moduleSize - QrScreen.QUIET_ZONE;
                    int my = (y - top) / moduleSize - QrScreen.QUIET_ZONE;
                    expected = symbol.isDark(mx, my) ? 0 : 255;
                }
                if (got != expected) {
                    fail("pixel (" + x + "," + y + ") is " + got + ", expected " + expected);
                }
            }
        }
    }

    private static SourceStatus await(VirtualCamera camera, Predicate<SourceStatus> condition) throws InterruptedException {
        for (int i = 0; i < 10_000; i++) {
            SourceStatus s = camera.status();
            if (condition.test(s)) {
                return s;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("status is " + camera.status());
    }

    @Test
    void showsTheScriptedScreensFrameByFrameThenIdles() throws Exception {
        SteppedTime time = new SteppedTime();
        AtomicInteger asked = new AtomicInteger();
        try (VirtualCamera camera = VirtualCamera.builder().size(320, 240).moduleSize(3).background(90).fps(15)
                .time(time).show(A, 2).blank(1).show(() -> {
                    asked.incrementAndGet();
                    return B;
                }, 2).build()) {
            camera.start();
            LumaFrame first = frame(camera, time);
            assertDrawn(first, A, 3, 90);
            assertEquals(A, decode(first));
            LumaFrame second = frameAndHold(camera);
            assertDrawn(second, A, 3, 90);
            // the camera now waits to show the blank screen; the next code is drawn only after it
            assertEquals(0, asked.get(), "a screen's text is asked for when the screen comes up");
            time.permits.release();
            LumaFrame blank = frame(camera, time);
            for (int i = 0; i < 320 * 240; i++) {
                assertEquals(90, blank.luma()[i] & 0xFF);
            }
            for (int i = 0; i < 2; i++) {
                LumaFrame f = frame(camera, time);
                assertDrawn(f, B, 3, 90);
                assertEquals(B, decode(f));
            }
            assertEquals(1, asked.get());
            SourceStatus status = await(camera, s -> s.state() == SourceState.IDLE);
            assertEquals(5, status.delivered());
            assertEquals(Duration.ofNanos(66_666_667), time.sleeps.getFirst());
        }
    }

    @Test
    void aCodeTooLargeForTheFrameFailsWithoutShowingItsText() throws Exception {
        String secret = "VT1:" + "X".repeat(600);
        try (VirtualCamera camera = VirtualCamera.builder().size(160, 120).moduleSize(4).time(new SteppedTime())
                .show(secret, 1).build()) {
            camera.start();
            SourceStatus status = await(camera, s -> s.state() == SourceState.FAILED);
            assertTrue(status.detail().contains("the frame is 160x120"), status.detail());
            assertFalse(status.detail().contains("XXX"), "the text never reaches the status");
        }
    }
}
