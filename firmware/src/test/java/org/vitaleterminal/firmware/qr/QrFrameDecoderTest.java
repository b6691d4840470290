package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.FormatException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.hal.camera.LumaFrame;

/** The per-frame policy (scripted fast path and fallbacks) and the fast path on a realistic VGA frame. */
class QrFrameDecoderTest {
    private static final String BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    /** A VT1-shaped text of 945 characters (version 20 at ECC M, 97 modules), the same every run. */
    static String vt1Sized(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("VT1:");
        while (text.length() < 945) {
            text.append(BASE45.charAt(random.nextInt(BASE45.length())));
        }
        return text.toString();
    }

    private final List<String> ran = new ArrayList<>();
    private AttemptRunner.Outcome fastOutcome = AttemptRunner.Outcome.NOTHING;
    private final FastPath fast = (frame, lastHit) -> {
        ran.add("fast");
        return fastOutcome;
    };
    private final AttemptRunner fallbackRunner = (attempt, image, lastHit) -> {
        ran.add(attempt.name());
        return AttemptRunner.Outcome.NOTHING;
    };
    private final List<QrAttempt> fallbackList = QrDecodeStrategy.fallbacks(QrDecodeStrategy.STANDARD_ATTEMPTS);
    private final QrFrameDecoder scripted = new QrFrameDecoder(fast,
            new FallbackRotation(fallbackList, fallbackRunner, () -> 0), DecodeBudget.UNLIMITED, 4,
            new QrScanCounters(), () -> 0);

    @Test
    void anEmptyFrameCostsTheFastReadAndASweepFrameOneFallbackMore() {
        for (int i = 0; i < 8; i++) {
            scripted.decode(QrTestFrames.empty(64, 48, i, 0));
        }
        assertEquals(List.of("fast", fallbackList.get(0).name(), "fast", "fast", "fast",
                "fast", fallbackList.get(1).name(), "fast", "fast", "fast"), ran,
                "frames 0 and 4 sweep with the next fallback in turn; the others only read fast");
    }

    @Test
    void evidenceOfACodeRunsTheFallbacksTheBudgetAllows() {
        fastOutcome = AttemptRunner.Outcome.SEEN;
        scripted.decode(QrTestFrames.empty(64, 48, 1, 0));
        assertEquals(1 + fallbackList.size(), ran.size(), "unlimited budget: one lap of the rotation");
    }

    @Test
    void aFastHitRunsNothingElse() {
        fastOutcome = new AttemptRunner.Outcome.Hit(new QrHit("VT1:X", "hybrid", Optional.empty()));
        assertEquals("VT1:X", scripted.decode(QrTestFrames.empty(64, 48, 0, 0)).orElseThrow().text());
        assertEquals(List.of("fast"), ran, "not even on a sweep frame");
    }

    @Test
    void sweepEveryMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new QrFrameDecoder(fast,
                new FallbackRotation(fallbackList, fallbackRunner, () -> 0), DecodeBudget.UNLIMITED, 0,
                new QrScanCounters(), () -> 0));
    }

    /**
     * The benchmark's case: a version-20 code at 4 px/module on a VGA phone-screen frame, blurred
     * and noisy. ZXing's own reader finds a false finder pattern in the data area first and fails;
     * the fast read decodes it at once, and from then on around the last hit — no fallback runs.
     */
    @Test
    void aVgaPhoneScreenFrameOfAVersion20CodeDecodesOnTheFastPath() throws Exception {
        String text = vt1Sized(98); // a text whose data area holds a finder-like run (see the assertion below)
        assertEquals(97, QrTestFrames.modules(text).getWidth(), "version 20");
        LumaFrame frame = QrTestFrames.phoneScreen(text, 640, 480, 4, 42);

        assertThrows(FormatException.class, () -> new QRCodeReader().decode(new BinaryBitmap(
                new HybridBinarizer(LumaImage.of(frame).source())), Map.of()),
                "ZXing's reader stops at a false finder pattern on this frame (why the fast read exists)");

        QrFrameDecoder decoder = QrFrameDecoder.create(() -> 0, QrFrameDecoder.DEFAULT_BUDGET, 4,
                new QrScanCounters());
        decoder.decode(QrTestFrames.empty(640, 480, 0, 0)); // frame 0 is a sweep frame: start on frame 1
        QrHit first = decoder.decode(frame).orElseThrow();
        assertEquals(text, first.text());
        assertEquals("hybrid", first.attempt());
        QrHit.Bounds bounds = first.bounds().orElseThrow();
        assertTrue(bounds.left() > 100 && bounds.right() < 540 && bounds.top() > 20 && bounds.bottom() < 460, "" + bounds);
        for (int i = 0; i < 5; i++) {
            QrHit next = decoder.decode(frame).orElseThrow();
            assertEquals(text, next.text());
            assertEquals("last-hit", next.attempt());
        }
    }

    @Test
    void theFastReadSaysNothingOnTheEmptySceneAndTheSameOnA720pFrame() {
        FastFrameReader reader = new FastFrameReader();
        assertInstanceOf(AttemptRunner.Outcome.Nothing.class,
                reader.read(LumaImage.of(QrTestFrames.phoneScreen(null, 1280, 720, 4, 42)), Optional.empty()),
                "sensor noise alone must not count as evidence (it would unlock the fallbacks)");
        String text = vt1Sized(720);
        AttemptRunner.Outcome outcome = reader.read(LumaImage.of(QrTestFrames.phoneScreen(text, 1280, 720, 4, 7)),
                Optional.empty());
        assertEquals(text, assertInstanceOf(AttemptRunner.Outcome.Hit.class, outcome).hit().text());
    }

    /**
     * With the production presence check, an empty 720p scene never reaches the full-resolution
     * fast read nor any fallback, while a code appearing is read on its first frame.
     */
    @Test
    void anEmptySceneSkipsTheFullReadAndACodeIsStillFoundOnItsFirstFrame() {
        FastFrameReader real = new FastFrameReader();
        int[] fastReads = {0};
        FastPath counting = (frame, lastHit) -> {
            fastReads[0]++;
            return real.read(frame, lastHit);
        };
        FinderPresence presence = new FinderPresence();
        QrScanCounters counters = new QrScanCounters();
        QrFrameDecoder decoder = new QrFrameDecoder(counting, presence::mayHoldCode,
                new FallbackRotation(fallbackList, fallbackRunner, () -> 0), DecodeBudget.UNLIMITED, 4, counters,
                () -> 0);
        LumaFrame empty = QrTestFrames.phoneScreen(null, 1280, 720, 4, 42);
        for (int i = 0; i < 16; i++) {
            assertTrue(decoder.decode(empty).isEmpty());
        }
        assertEquals(0, fastReads[0], "no full-resolution read on an empty scene");
        assertEquals(16, counters.presenceSkips());
        assertEquals(List.of(), ran, "no blind sweep on a frame without a candidate");

        String text = vt1Sized(720);
        QrHit hit = decoder.decode(QrTestFrames.phoneScreen(text, 1280, 720, 4, 7)).orElseThrow();
        assertEquals(text, hit.text());
        assertEquals("hybrid", hit.attempt());
        assertEquals(1, fastReads[0]);
        assertEquals(16, counters.presenceSkips());
    }
}
