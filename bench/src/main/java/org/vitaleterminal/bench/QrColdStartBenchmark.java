package org.vitaleterminal.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vitaleterminal.firmware.qr.QrFrameDecoder;
import org.vitaleterminal.firmware.qr.QrHit;
import org.vitaleterminal.firmware.qr.QrScanCounters;
import org.vitaleterminal.hal.camera.LumaFrame;

/**
 * The first QR decode after start (goal ≤ 300 ms): one decode per fresh JVM (single shot, no
 * warm-up, {@value #COLD_FORKS} forks), including creating the decoder, on a real 640×480 photo
 * read in setup with ImageIO — so no ZXing class is loaded or compiled before the timed call
 * (the synthetic frames of {@link QrFrameDecodeBenchmark} are drawn with ZXing's encoder, which
 * would warm shared classes). The call throws if the photo gives no code.
 */
@State(Scope.Thread)
public class QrColdStartBenchmark {
    static final int COLD_FORKS = 5;

    /** Testdata path of the photo (640×480 camera picture of a business card). */
    @Param({"zxing-blackbox/qrcode-1/1.png"})
    public String photo;

    private LumaFrame luma;

    @Setup(Level.Trial)
    public void setUp() {
        Path file = Hc1VerifyBenchmark.resolve(photo);
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (set -Dvt.testdata=DIR)", e);
        }
        if (image == null) {
            throw new IllegalStateException("not an image: " + file);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                pixels[y * width + x] = (byte) ((299 * ((rgb >> 16) & 0xFF) + 587 * ((rgb >> 8) & 0xFF)
                        + 114 * (rgb & 0xFF) + 500) / 1000);
            }
        }
        luma = new LumaFrame(pixels, 0, width, height, width, 0, 0);
    }

    /** Creating the decoder is part of the first decode after start; throws if the photo gives no code. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(COLD_FORKS)
    public QrHit coldStart() {
        return QrFrameDecoder.create(new QrScanCounters()).decode(luma)
                .orElseThrow(() -> new IllegalStateException("no code in " + photo));
    }
}
