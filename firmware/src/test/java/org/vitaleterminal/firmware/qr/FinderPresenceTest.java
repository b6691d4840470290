package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.testing.PublicSuites;

/**
 * The presence check may say "maybe" on an empty frame at worst, but must never say "no" where
 * the full-resolution fast read would have decoded the code.
 */
class FinderPresenceTest {
    private final FinderPresence presence = new FinderPresence();
    private final FastFrameReader reader = new FastFrameReader();

    @Test
    void emptyScenesHaveNoCandidate() {
        for (int[] size : new int[][] {{1280, 720}, {640, 480}}) {
            for (long seed : new long[] {42, 1, 2}) {
                assertFalse(presence.mayHoldCode(LumaImage.of(QrTestFrames.phoneScreen(null, size[0], size[1], 4, seed))),
                        size[0] + "x" + size[1] + " seed " + seed);
            }
        }
        assertFalse(presence.mayHoldCode(LumaImage.of(QrTestFrames.empty(640, 480, 0, 0))), "flat grey");
    }

    @Test
    void everySyntheticFrameTheFastReadDecodesHasACandidate() {
        int decoded = 0;
        List<String> missed = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 720}, {640, 480}}) {
            for (int px : new int[] {2, 3, 4, 6}) {
                for (long seed = 0; seed < 6; seed++) {
                    String text = seed % 2 == 0 ? QrFrameDecoderTest.vt1Sized(seed) : "HC1:SHORT-" + seed;
                    if (QrTestFrames.modules(text).getWidth() * px + 8 * px > size[1]) {
                        continue;
                    }
                    LumaFrame frame = QrTestFrames.phoneScreen(text, size[0], size[1], px, seed);
                    if (reader.read(LumaImage.of(frame), Optional.empty()) instanceof AttemptRunner.Outcome.Hit) {
                        decoded++;
                        if (!presence.mayHoldCode(LumaImage.of(frame))) {
                            missed.add(size[0] + "x" + size[1] + " px " + px + " seed " + seed);
                        }
                    }
                }
            }
        }
        System.out.printf("FinderPresence on synthetic frames: the fast read decodes %d, the check misses %d%n",
                decoded, missed.size());
        assertTrue(decoded >= 20, "the fast read decodes most of these frames: " + decoded);
        assertEquals(List.of(), missed);
    }

    @Test
    void darkModeAndStridedFramesHaveACandidate() {
        assertTrue(presence.mayHoldCode(LumaImage.of(
                QrTestFrames.frame("HC1:DARK-MODE", 640, 480, 640, 0, 200, 100, 6, true, 0, 0))));
        assertTrue(presence.mayHoldCode(LumaImage.of(
                QrTestFrames.frame("VT1:STRIDE", 600, 400, 704, 704 * 3 + 16, 100, 50, 5, false, 0, 0))));
    }

    /**
     * Real photos (ZXing's blackbox set), through the whole still-image strategy (every fallback,
     * no budget): wherever anything decodes, the check says maybe — which is why the frame
     * decoder runs nothing at all on a frame the check rejects.
     */
    @Test
    @Timeout(300)
    void everyBlackboxPhotoAnyAttemptDecodesHasACandidate() throws Exception {
        QrImageDecoder whole = new QrImageDecoder();
        assertEveryDecodedBlackboxPhotoHasACandidate("the whole strategy", 170, luma -> whole.decodeHit(luma).isPresent());
    }

    /** The same for the fast read alone (the frame path's first read). */
    @Test
    @Timeout(300)
    void everyBlackboxPhotoTheFastReadDecodesHasACandidate() throws Exception {
        assertEveryDecodedBlackboxPhotoHasACandidate("the fast read", 100,
                luma -> reader.read(luma, Optional.empty()) instanceof AttemptRunner.Outcome.Hit);
    }

    private void assertEveryDecodedBlackboxPhotoHasACandidate(String decoder, int atLeast,
            java.util.function.Predicate<LumaImage> decodes) throws Exception {
        Path root = PublicSuites.resolve("zxing-blackbox");
        List<Path> pngs;
        try (Stream<Path> files = Files.walk(root)) {
            pngs = files.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
        }
        int decoded = 0;
        List<String> missed = new ArrayList<>();
        for (Path png : pngs) {
            BufferedImage image = ImageIO.read(png.toFile());
            LumaImage luma = LumaImage.packed(QrImageDecoder.luma(image), image.getWidth(), image.getHeight());
            if (decodes.test(luma)) {
                decoded++;
                if (!presence.mayHoldCode(luma)) {
                    missed.add(root.relativize(png).toString());
                }
            }
        }
        System.out.printf("FinderPresence on %d blackbox photos: %s decodes %d, the check misses %d%n", pngs.size(),
                decoder, decoded, missed.size());
        assertTrue(decoded >= atLeast, decoder + " decodes only " + decoded);
        assertEquals(List.of(), missed, "decoded by " + decoder + " (" + decoded + ") but no candidate");
    }
}
