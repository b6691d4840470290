package org.vitaleterminal.sim.qr;

import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;
import org.vitaleterminal.sim.keys.SimRandom;

/**
 * Takes synthetic camera photos of a phone screen showing a QR code. The scene, in module units
 * around the symbol: the wallet app's screen (quiet zone of at least 4 modules, an app bar and a
 * few text lines above and below, as a wallet shows its card), the phone's black bezel, and the
 * counter the phone lies on. The camera looks at it through a homography (rotation, tilt with
 * keystone, scale = px/module, sub-pixel phase), area-samples each pixel (2×2), then the optics
 * blur it, the sensor adds noise and clips, and the frame may be JPEG-recompressed. Glare and
 * moiré are light in the scene; see {@link Distortion} for the numbers.
 *
 * <p>Deterministic: the same symbol, size, family, strength and seed give the same pixels. The
 * few parameters of a photo come from {@link SimRandom#seeded(long)}; the per-pixel noise comes
 * from a {@link SplittableRandom} seeded from it, because a SHA-256 stream is far too slow for a
 * million Gaussian draws per frame. Stateless: one instance can serve any number of threads.
 */
public final class PhoneScreenRenderer {
    /** Camera frame sizes a photo is taken at: the smallest that holds the symbol and its quiet zone. */
    public static final List<int[]> FRAME_SIZES = List.of(new int[] {640, 480}, new int[] {1280, 720},
            new int[] {1920, 1080});

    /** Quiet zone the wallet draws (ISO/IEC 18004 asks for 4 modules) and the frame must show. */
    static final int QUIET_ZONE = 4;
    private static final int FRAME_MARGIN = 8;

    /** Draws the photo's parameters from {@code seed}, then renders it. */
    public PhoneScreenPhoto render(QrSymbol symbol, double pxPerModule, Distortion distortion, Strength strength,
            long seed) {
        SecureRandom random = SimRandom.seeded(seed);
        ShotParameters parameters = distortion.draw(strength, random);
        GreyImage image = render(symbol, pxPerModule, parameters, random.nextLong());
        return new PhoneScreenPhoto(symbol, pxPerModule, distortion, strength, parameters, image);
    }

    /** Renders a photo from explicit parameters; {@code noiseSeed} drives the sensor noise. */
    public GreyImage render(QrSymbol symbol, double pxPerModule, ShotParameters p, long noiseSeed) {
        if (!(pxPerModule >= 0.5 && pxPerModule <= 40)) {
            throw new IllegalArgumentException("px/module " + pxPerModule + " is outside 0.5..40");
        }
        int n = symbol.size();
        double half = n / 2.0;
        // symbol modules -> plane pixels centred on the symbol -> tilted and projected
        Homography centred = Homography.rotationScale(p.rotationDeg(), pxPerModule)
                .after(Homography.translation(-half, -half));
        Homography projected = Homography.tilt(p.tiltDeg(), p.tiltAxisDeg(), p.cameraDistance() * n * pxPerModule)
                .after(centred);
        double[] box = boundingBox(projected, -QUIET_ZONE, n + QUIET_ZONE);
        double boxWidth = box[2] - box[0];
        double boxHeight = box[3] - box[1];
        int[] frame = FRAME_SIZES.stream()
                .filter(size -> boxWidth + 2 * FRAME_MARGIN <= size[0] && boxHeight + 2 * FRAME_MARGIN <= size[1])
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "a %dx%d-module symbol at %.1f px/module (%.0fx%.0f px) fits no camera frame", n, n,
                        pxPerModule, boxWidth, boxHeight)));
        int width = frame[0];
        int height = frame[1];
        double roomX = (width - boxWidth) / 2 - FRAME_MARGIN;
        double roomY = (height - boxHeight) / 2 - FRAME_MARGIN;
        double tx = width / 2.0 - (box[0] + box[2]) / 2 + p.offsetX() * roomX + p.subPixelX();
        double ty = height / 2.0 - (box[1] + box[3]) / 2 + p.offsetY() * roomY + p.subPixelY();
        Homography toCamera = Homography.translation(tx, ty).after(projected);

        float[] plane = new Scene(symbol, p, width, pxPerModule).sample(toCamera.inverse(), width, height);
        addGlare(plane, width, height, toCamera, n, pxPerModule, p);
        GaussianBlur.apply(plane, width, height, p.blurSigma());
        GreyImage image = quantize(plane, width, height, p.noiseSigma(), new SplittableRandom(noiseSeed));
        return p.jpegQuality() > 0 ? image.jpegRoundTrip(p.jpegQuality()) : image;
    }

    /** {minX, minY, maxX, maxY} of the square [from, to]² after {@code h}. */
    private static double[] boundingBox(Homography h, double from, double to) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] corner : new double[][] {{from, from}, {to, from}, {from, to}, {to, to}}) {
            double[] q = h.apply(corner[0], corner[1]);
            box[0] = Math.min(box[0], q[0]);
            box[1] = Math.min(box[1], q[1]);
            box[2] = Math.max(box[2], q[0]);
            box[3] = Math.max(box[3], q[1]);
        }
        return box;
    }

    private static void addGlare(float[] plane, int width, int height, Homography toCamera, int n, double pxPerModule,
            ShotParameters p) {
        if (p.glareAmplitude() <= 0) {
            return;
        }
        double[] centre = toCamera.apply(p.glareX() * n, p.glareY() * n);
        double sigma = p.glareRadius() * n * pxPerModule;
        double twoSigma2 = 2 * sigma * sigma;
        for (int y = 0; y < height; y++) {
            double dy = y + 0.5 - centre[1];
            for (int x = 0; x < width; x++) {
                double dx = x + 0.5 - centre[0];
                plane[y * width + x] += (float) (p.glareAmplitude() * Math.exp(-(dx * dx + dy * dy) / twoSigma2));
            }
        }
    }

    /** Sensor noise, then the 8-bit clip: glare beyond white saturates, as on a real sensor. */
    private static GreyImage quantize(float[] plane, int width, int height, double noiseSigma, SplittableRandom noise) {
        byte[] luma = new byte[width * height];
        for (int i = 0; i < luma.length; i++) {
            double value = plane[i] + (noiseSigma > 0 ? noiseSigma * noise.nextGaussian() : 0);
            luma[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(value)));
        }
        return new GreyImage(width, height, luma);
    }

    /** The light coming from each point of the scene, in grey levels before the optics. */
    private static final class Scene {
        private final QrSymbol symbol;
        private final int n;
        private final double white;
        private final double black;
        private final boolean inverted;
        private final double contrast;
        private final double screenLeft;
        private final double screenRight;
        private final double screenTop;
        private final double screenBottom;
        private final double bezel;
        private final double counterLevel;
        private final double counterSlope;
        private final double moireAmplitude;
        private final double moireCos;
        private final double moireSin;
        private final double moireFrequency;
        /** More than a pixel's reach in module units, even where tilt shrinks the modules. */
        private final double edgeMargin;

        Scene(QrSymbol symbol, ShotParameters p, int frameWidth, double pxPerModule) {
            this.symbol = symbol;
            this.n = symbol.size();
            this.white = p.whiteLevel();
            this.black = p.blackLevel();
            this.inverted = p.inverted();
            this.contrast = p.moduleContrast();
            double margin = Math.max(QUIET_ZONE, 0.1 * n);
            screenLeft = -margin;
            screenRight = n + margin;
            screenTop = -0.7 * n;
            screenBottom = 2.0 * n;
            bezel = 0.08 * (screenRight - screenLeft);
            counterLevel = 0.4 * white;
            counterSlope = 0.15 * white / frameWidth;
            moireAmplitude = p.moireAmplitude();
            moireCos = Math.cos(Math.toRadians(p.moireAngleDeg()));
            moireSin = Math.sin(Math.toRadians(p.moireAngleDeg()));
            moireFrequency = 2 * Math.PI / p.moirePeriod();
            edgeMargin = 3 / pxPerModule;
        }

        float[] sample(Homography cameraToSymbol, int width, int height) {
            double h0 = cameraToSymbol.get(0), h1 = cameraToSymbol.get(1), h2 = cameraToSymbol.get(2);
            double h3 = cameraToSymbol.get(3), h4 = cameraToSymbol.get(4), h5 = cameraToSymbol.get(5);
            double h6 = cameraToSymbol.get(6), h7 = cameraToSymbol.get(7), h8 = cameraToSymbol.get(8);
            float[] plane = new float[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double cw = h6 * (x + 0.5) + h7 * (y + 0.5) + h8;
                    double cu = (h0 * (x + 0.5) + h1 * (y + 0.5) + h2) / cw;
                    double cv = (h3 * (x + 0.5) + h4 * (y + 0.5) + h5) / cw;
                    if (farFromPhone(cu, cv)) {
                        // Plain counter: one sample is exact (it is a smooth gradient).
                        plane[y * width + x] = (float) (counterLevel + counterSlope * (x + 0.5));
                        continue;
                    }
                    double sum = 0;
                    for (int s = 0; s < 4; s++) {
                        double cx = x + 0.25 + 0.5 * (s & 1);
                        double cy = y + 0.25 + 0.5 * (s >> 1);
                        double w = h6 * cx + h7 * cy + h8;
                        double u = (h0 * cx + h1 * cy + h2) / w;
                        double v = (h3 * cx + h4 * cy + h5) / w;
                        sum += light(u, v, cx, cy);
                    }
                    plane[y * width + x] = (float) (sum / 4);
                }
            }
            return plane;
        }

        /** Whether (u, v) lies on the counter, further than {@link #edgeMargin} from the bezel. */
        private boolean farFromPhone(double u, double v) {
            return u < screenLeft - bezel - edgeMargin || u >= screenRight + bezel + edgeMargin
                    || v < screenTop - bezel - edgeMargin || v >= screenBottom + bezel + edgeMargin;
        }

        /** Light at symbol coordinates (u, v), seen at camera pixel (cx, cy). */
        private double light(double u, double v, double cx, double cy) {
            if (u < screenLeft || u >= screenRight || v < screenTop || v >= screenBottom) {
                boolean onBezel = u >= screenLeft - bezel && u < screenRight + bezel && v >= screenTop - bezel
                        && v < screenBottom + bezel;
                return onBezel ? 0.5 * black : counterLevel + counterSlope * cx;
            }
            double lit = screenFraction(u, v);
            if (inverted) {
                lit *= contrast;
            }
            if (moireAmplitude > 0) {
                lit *= 1 - moireAmplitude * moire(cx, cy);
            }
            return black + lit * (white - black);
        }

        /** How lit the screen is at (u, v): 0 = screen black, 1 = full white (light mode). */
        private double screenFraction(double u, double v) {
            double ink;
            if (u >= 0 && v >= 0 && u < n && v < n) {
                ink = symbol.isDark((int) u, (int) v) ? 1 : 0;
            } else if (v < screenTop + 0.12 * n) {
                ink = 0.6; // the app bar
            } else if (textLine(u, v, -0.35 * n, 0.05 * n, 0.1 * n, 0.9 * n)
                    || textLine(u, v, 1.25 * n, 0.05 * n, 0, 0.7 * n)
                    || textLine(u, v, 1.38 * n, 0.04 * n, 0, 0.5 * n)) {
                ink = 0.85;
            } else {
                ink = 0;
            }
            return inverted ? ink : 1 - ink;
        }

        private static boolean textLine(double u, double v, double top, double lineHeight, double left, double right) {
            return v >= top && v < top + lineHeight && u >= left && u < right;
        }

        /** Two crossed gratings (screen rows and columns beating with the sensor), 0..1. */
        private double moire(double x, double y) {
            double along = x * moireCos + y * moireSin;
            double across = -x * moireSin + y * moireCos;
            return 0.25 * (2 + Math.cos(moireFrequency * along) + Math.cos(moireFrequency * 1.07 * across));
        }
    }
}
