package org.vitaleterminal.sim.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.world.SampleWorld;

class PhoneScreenRendererTest {
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    private static final String TEXT = SampleWorld.create(SimRandom.seeded(7), NOW).singleAdult()
            .presentQr(NOW, SimRandom.seeded(8), 0);
    private final PhoneScreenRenderer renderer = new PhoneScreenRenderer();

    @Test
    void walletSymbolIsLevelMInTheSpecsVersionRange() {
        QrSymbol symbol = QrSymbol.encode(TEXT);
        assertEquals(ErrorCorrectionLevel.M, symbol.level());
        assertEquals(17 + 4 * symbol.version(), symbol.size());
        assertTrue(symbol.version() >= 14 && symbol.version() <= 20, "V" + symbol.version() + " for " + TEXT.length());
        assertTrue(QrSymbol.encode(TEXT, ErrorCorrectionLevel.Q).version() > symbol.version());
    }

    @Test
    void sameSeedSamePixelsOtherSeedOtherPixels() {
        QrSymbol symbol = QrSymbol.encode(TEXT);
        for (Distortion d : Distortion.values()) {
            PhoneScreenPhoto a = renderer.render(symbol, 3, d, Strength.MODERATE, 42);
            PhoneScreenPhoto b = renderer.render(symbol, 3, d, Strength.MODERATE, 42);
            PhoneScreenPhoto c = renderer.render(symbol, 3, d, Strength.MODERATE, 43);
            assertEquals(a.parameters(), b.parameters(), d.label());
            assertArrayEquals(a.image().luma(), b.image().luma(), d.label());
            assertFalse(java.util.Arrays.equals(a.image().luma(), c.image().luma()), d.label());
        }
    }

    @Test
    void parametersStayInTheDocumentedRanges() {
        for (int seed = 0; seed < 200; seed++) {
            var random = SimRandom.seeded(seed);
            ShotParameters blur = Distortion.BLUR.draw(Strength.MODERATE, random);
            assertTrue(blur.blurSigma() >= 0.6 && blur.blurSigma() <= 0.9, blur.describe());
            ShotParameters rotation = Distortion.ROTATION.draw(Strength.STRONG, random);
            assertTrue(Math.abs(rotation.rotationDeg()) >= 20 && Math.abs(rotation.rotationDeg()) <= 45);
            ShotParameters tilt = Distortion.PERSPECTIVE.draw(Strength.MILD, random);
            assertTrue(tilt.tiltDeg() >= 5 && tilt.tiltDeg() <= 10);
            ShotParameters jpeg = Distortion.JPEG.draw(Strength.MODERATE, random);
            assertTrue(jpeg.jpegQuality() >= 70 && jpeg.jpegQuality() <= 80);
            ShotParameters counter = Distortion.COUNTER.draw(Strength.MODERATE, random);
            assertTrue(Math.abs(counter.rotationDeg()) <= 8 && counter.tiltDeg() <= 12 && counter.jpegQuality() >= 70
                    && counter.noiseSigma() <= 8 && counter.blurSigma() <= 0.8, counter.describe());
            ShotParameters baseline = Distortion.baseline(random);
            assertTrue(Math.abs(baseline.rotationDeg()) <= 1 && baseline.tiltDeg() <= 2 && baseline.jpegQuality() == 0
                    && !baseline.inverted() && baseline.glareAmplitude() == 0 && baseline.moireAmplitude() == 0);
        }
    }

    @Test
    void frameIsTheSmallestCameraSizeThatHoldsTheSymbol() {
        QrSymbol symbol = QrSymbol.encode(TEXT);
        GreyImage small = renderer.render(symbol, 2, Distortion.NOISE, Strength.MILD, 1).image();
        GreyImage large = renderer.render(symbol, 6, Distortion.NOISE, Strength.MILD, 1).image();
        assertEquals(List.of(640, 480), List.of(small.width(), small.height()));
        assertEquals(List.of(1280, 720), List.of(large.width(), large.height()));
        assertThrows(IllegalArgumentException.class, () -> renderer.render(symbol, 20, Distortion.NOISE, Strength.MILD, 1));
    }

    @Test
    void darkModeDarkensTheScreen() {
        QrSymbol symbol = QrSymbol.encode(TEXT);
        GreyImage light = renderer.render(symbol, 4, Distortion.NOISE, Strength.MILD, 5).image();
        GreyImage dark = renderer.render(symbol, 4, Distortion.INVERTED, Strength.MILD, 5).image();
        // Same seed, same geometry: only the screen's content is swapped (white quiet zone and
        // app background become black), so the frame as a whole gets much darker.
        assertTrue(mean(light) > mean(dark) + 40, mean(light) + " vs " + mean(dark));
    }

    /**
     * The renderer draws the right symbol: an axis-aligned, sharp, noise-free photo (grid on the
     * pixel grid) reads back exactly with a plain ZXing reader, in light and dark mode. (Whether
     * distorted photos decode is the comparison's business, not the renderer's.)
     */
    @Test
    void aCleanPhotoReadsBackWithAPlainReader() throws Exception {
        QrSymbol symbol = QrSymbol.encode(TEXT);
        for (boolean inverted : new boolean[] {false, true}) {
            ShotParameters clean = new ShotParameters(0, 0, 0, 4, 0, 0, 0, 0, 220, 30, inverted, 1, 0, 0, 0.2, 0.5, 0.5,
                    0, 6, 0, 0, 0);
            GreyImage image = renderer.render(symbol, 4, clean, 1);
            var source = new PlanarYUVLuminanceSource(image.luma(), image.width(), image.height(), 0, 0, image.width(),
                    image.height(), false);
            var bitmap = new BinaryBitmap(new HybridBinarizer(inverted ? source.invert() : source));
            String text = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true,
                    DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE))).getText();
            assertEquals(TEXT, text, "inverted " + inverted);
        }
    }

    @Test
    void pngAndPgmHoldTheSamePixels(@TempDir Path dir) throws Exception {
        GreyImage image = renderer.render(QrSymbol.encode(TEXT), 3, Distortion.JPEG, Strength.MODERATE, 3).image();
        image.writePng(dir.resolve("a.png"));
        image.writePgm(dir.resolve("a.pgm"));
        var png = ImageIO.read(dir.resolve("a.png").toFile());
        byte[] pixels = new byte[image.width() * image.height()];
        png.getRaster().getDataElements(0, 0, image.width(), image.height(), pixels);
        assertArrayEquals(image.luma(), pixels);
        byte[] pgm = Files.readAllBytes(dir.resolve("a.pgm"));
        byte[] header = ("P5\n" + image.width() + " " + image.height() + "\n255\n").getBytes();
        assertArrayEquals(image.luma(), java.util.Arrays.copyOfRange(pgm, header.length, pgm.length));
    }

    @Test
    void impossibleInputsAreRefusedWithAReason() {
        QrSymbol symbol = QrSymbol.encode(TEXT);
        var e = assertThrows(IllegalArgumentException.class, () -> renderer.render(symbol, 0.1, Distortion.BLUR,
                Strength.MILD, 1));
        assertTrue(e.getMessage().contains("px/module"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QrSymbol.encode("A".repeat(5000)));
        assertThrows(IllegalArgumentException.class, () -> new GreyImage(2, 2, new byte[3]));
    }

    private static double mean(GreyImage image) {
        long sum = 0;
        for (byte b : image.luma()) {
            sum += b & 0xFF;
        }
        return (double) sum / (image.width() * image.height());
    }
}
