package org.vitaleterminal.bench;

import java.util.Random;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.qr.QrSymbol;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * Camera-like luma frames for the QR benchmarks, the same bytes in every fork: a real VT1
 * presentation of the seeded {@link BenchWorld} (the family wallet disclosing one beneficiary), encoded ECC
 * M by {@link QrSymbol}, drawn at {@code px} pixels per module on a phone-screen-like light panel over a darker,
 * shaded scene, then a 3×3 box blur (focus) and Gaussian noise (σ = 4 grey levels, sensor), from
 * a fixed seed. Frames without a code have the same scene, blur and noise.
 */
final class BenchQrFrames {
    static final long NOISE_SEED = 42;

    private BenchQrFrames() {}

    /** The VT1 text of the benchmark's wallet. */
    static String vt1Text() {
        SampleWorld world = BenchWorld.create();
        return world.family().presentQr(BenchWorld.NOW, SimRandom.seeded(BenchWorld.SEED + 1), 0);
    }

    /** A frame with {@code code} centred at {@code px} px/module, or none when {@code code} is null. */
    static LumaFrame frame(int width, int height, QrSymbol code, int px) {
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = 70 + 50 * x / width + 30 * y / height; // shaded background
            }
        }
        if (code != null) {
            int size = code.size() * px;
            int quiet = 4 * px;
            int left = (width - size) / 2;
            int top = (height - size) / 2;
            for (int y = Math.max(0, top - quiet); y < Math.min(height, top + size + quiet); y++) {
                for (int x = Math.max(0, left - quiet); x < Math.min(width, left + size + quiet); x++) {
                    int mx = Math.floorDiv(x - left, px);
                    int my = Math.floorDiv(y - top, px);
                    boolean dark = code.isDark(mx, my);
                    pixels[y * width + x] = dark ? 45 : 205; // a screen: never pure black or white
                }
            }
        }
        byte[] luma = new byte[width * height];
        Random noise = new Random(NOISE_SEED);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int sx = Math.min(width - 1, Math.max(0, x + dx));
                        int sy = Math.min(height - 1, Math.max(0, y + dy));
                        sum += pixels[sy * width + sx];
                    }
                }
                long value = Math.round(sum / 9.0 + noise.nextGaussian() * 4);
                luma[y * width + x] = (byte) Math.max(0, Math.min(255, value));
            }
        }
        return new LumaFrame(luma, 0, width, height, width, 0, 0);
    }
}
