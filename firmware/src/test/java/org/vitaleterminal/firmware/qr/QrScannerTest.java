package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.sim.world.SampleWorld;

/** The frame pipeline on real rendered codes: decoder state, debounce, filter and counters. */
@Timeout(60)
class QrScannerTest {
    private static final long MS = 1_000_000L;
    private static String vt1;

    @BeforeAll
    static void mintPresentation() {
        SecureRandom random = new SecureRandom(new byte[] {7});
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        vt1 = SampleWorld.create(random, now).family().presentQr(now, random, 0, 1);
    }

    private final QrScanCounters counters = new QrScanCounters();
    private final QrFrameDecoder decoder = QrFrameDecoder.create(Ticker.system(), Duration.ofSeconds(30),
            QrFrameDecoder.DEFAULT_SWEEP_EVERY, counters);
    private final QrScanner scanner = new QrScanner(decoder, new PayloadDebouncer(Duration.ofMillis(1000)), counters);

    @Test
    void aRealVt1PresentationHeldInViewIsVerifiedOnce() {
        assertTrue(vt1.startsWith("VT1:") && vt1.length() > 300, "a realistic presentation: " + vt1.length());
        Optional<QrPayload> first = scanner.scan(QrTestFrames.frame(vt1, 4, 0, 0));
        assertEquals(PayloadKind.VT1, first.orElseThrow().kind());
        assertEquals(vt1, first.get().text());
        assertFalse(first.get().toString().contains(vt1.substring(4, 20)), "toString hides the text");
        for (int i = 1; i < 10; i++) {
            assertTrue(scanner.scan(QrTestFrames.frame(vt1, 4, i, i * 33 * MS)).isEmpty(), "frame " + i);
        }
        for (int i = 10; i < 60; i++) { // code gone for 50 frames (1.65 s)
            assertTrue(scanner.scan(QrTestFrames.empty(640, 480, i, i * 33 * MS)).isEmpty());
        }
        assertTrue(scanner.scan(QrTestFrames.frame(vt1, 4, 60, 60 * 33 * MS)).isPresent(), "shown again");

        QrScanCounters.Snapshot stats = counters.snapshot();
        assertEquals(61, stats.frames());
        assertEquals(11, stats.decoded());
        assertEquals(9, stats.repeats());
        assertEquals(2, stats.accepted());
        assertEquals(0, stats.ignoredTotal());
    }

    @Test
    void whileTheCodeStaysTheFastPathReadsAroundTheLastHit() {
        QrHit first = decoder.decode(QrTestFrames.frame(vt1, 4, 0, 0)).orElseThrow();
        assertEquals("hybrid", first.attempt());
        QrHit.Bounds bounds = first.bounds().orElseThrow();
        assertTrue(bounds.left() >= 120 && bounds.top() >= 60 && bounds.right() < 640 && bounds.bottom() < 480,
                bounds.toString());
        assertEquals("last-hit", decoder.decode(QrTestFrames.frame(vt1, 4, 1, 33 * MS)).orElseThrow().attempt());
    }

    @Test
    void otherTextsAreCountedOncePerAppearanceAndNeverPassedOn() {
        for (int i = 0; i < 5; i++) {
            assertTrue(scanner.scan(QrTestFrames.frame("https://example.org/menu", 6, i, i * 33 * MS)).isEmpty());
        }
        assertTrue(scanner.scan(QrTestFrames.frame("hc1:lower case", 6, 5, 200 * MS)).isEmpty());
        assertTrue(scanner.scan(QrTestFrames.frame("hello", 6, 6, 233 * MS)).isEmpty());
        QrScanCounters.Snapshot stats = counters.snapshot();
        assertEquals(Map.of(PayloadKind.URL, 1L, PayloadKind.WRONG_CASE_PREFIX, 1L, PayloadKind.OTHER, 1L,
                PayloadKind.EMPTY, 0L), stats.ignored());
        assertEquals(4, stats.repeats());
        assertEquals(0, stats.accepted());
    }

    @Test
    void darkModeCodesAreFoundBySweepFrames() {
        // The fast read sees no (dark-on-light) finder pattern; sweep frames (every 4th) each run
        // the next fallback, and the inverted read is the first of them.
        LumaFrame inverted = QrTestFrames.frame("HC1:DARK-MODE", 640, 480, 640, 0, 200, 100, 6, true, 0, 0);
        QrHit hit = decoder.decode(inverted).orElseThrow();
        assertEquals("HC1:DARK-MODE", hit.text());
        assertEquals("hybrid-inverted", hit.attempt());
    }

    @Test
    void stridedFramesWithAnOffsetDecode() {
        LumaFrame strided = QrTestFrames.frame("VT1:STRIDE", 600, 400, 704, 704 * 3 + 16, 100, 50, 5, false, 0, 0);
        assertEquals("VT1:STRIDE", decoder.decode(strided).orElseThrow().text());
    }

    @Test
    void garbageFramesAreNoCode() {
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 8; i++) {
            byte[] noise = new byte[320 * 240];
            random.nextBytes(noise);
            assertTrue(decoder.decode(new LumaFrame(noise, 0, 320, 240, 320, i, 0)).isEmpty());
        }
        assertTrue(decoder.decode(new LumaFrame(new byte[1], 0, 1, 1, 1, 9, 0)).isEmpty());
    }
}
