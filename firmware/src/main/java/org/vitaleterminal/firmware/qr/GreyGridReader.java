package org.vitaleterminal.firmware.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.Detector;
import com.google.zxing.qrcode.detector.FinderPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a QR code's modules from the grey image instead of from ZXing's black-and-white matrix.
 *
 * <p>ZXing samples one binarized pixel per module. At 2–3 px/module with blur, noise, moiré or
 * JPEG blocks that pixel is often on the wrong side of its block's threshold, and the symbol
 * fails Reed–Solomon although the patterns were found (the phone-screen set: most misses at
 * ≥ 3 px end in a checksum or format error, not in "no code"). Here ZXing still locates the
 * finder and alignment patterns on the binarized image, but each module's value is the mean of
 * 3×3 bilinear grey samples around its centre (a low-pass that averages noise and moiré out),
 * compared with the mean of its neighbourhood of {@value #THRESHOLD_RADIUS} modules each way
 * (a threshold in module units, whatever the pixel size, that follows glare).
 *
 * <p>The grid ZXing infers can be a version off (its dimension comes from the finder spacing,
 * rounded to 17 + 4v) or bent by a misplaced alignment pattern; the reader also tries the
 * neighbouring dimensions, the grid without the alignment pattern, and the grid corrected with
 * all alignment patterns ({@link GridRefiner}), grown once from the finders' parallelogram and
 * once from the perspective the finders' sizes show — at most twelve grids, each
 * ending in ZXing's format-information BCH check and Reed–Solomon decoding of every block, so a
 * wrong grid fails rather than misreads. Holds a ZXing decoder: one instance per thread.
 */
final class GreyGridReader {
    /** Modules each way whose mean is a module's threshold: wider than a finder pattern's core. */
    static final int THRESHOLD_RADIUS = 4;
    /** Offset of the outer sub-samples from a module's centre, in modules: well inside the module. */
    static final float SUB_SAMPLE_OFFSET = 0.2f;
    /** Grid dimensions tried around ZXing's estimate (one version either way). */
    private static final int[] DIMENSION_STEPS = {0, -4, 4};

    private final Decoder decoder = new Decoder();

    /**
     * @param image    the grey image {@code black} was binarized from (same size)
     * @param black    its binarization, where the patterns are looked for
     * @param inverted light modules on dark (dark mode): a module is dark when its grey is high
     * @throws NotFoundException no patterns; FormatException or ChecksumException: patterns but no code
     */
    Result decode(LumaImage image, BitMatrix black, boolean inverted, Map<DecodeHintType, ?> hints)
            throws NotFoundException, FormatException, ChecksumException {
        DetectorResult detected = new Detector(black).detect(hints);
        ResultPoint[] points = detected.getPoints(); // bottom-left, top-left, top-right[, alignment]
        ResultPoint[] finders = {points[1], points[2], points[0]};
        ResultPoint alignment = points.length > 3 ? points[3] : null;
        int estimate = detected.getBits().getWidth();
        FormatException format = null;
        ChecksumException checksum = null;
        for (int step : DIMENSION_STEPS) {
            int dimension = estimate + step;
            if (dimension < 21 || dimension > 177) {
                continue;
            }
            List<PerspectiveTransform> grids = new ArrayList<>(3);
            PerspectiveTransform zxingGrid = gridToImage(finders[0], finders[1], finders[2], alignment, dimension);
            grids.add(zxingGrid);
            if (alignment != null) {
                grids.add(gridToImage(finders[0], finders[1], finders[2], null, dimension));
            }
            for (int i = 0; i < grids.size(); i++) {
                float[] grey = sample(image, grids.get(i), dimension, inverted);
                try {
                    String text = decoder.decode(threshold(grey, dimension), hints).getText();
                    return new Result(text, null, points, BarcodeFormat.QR_CODE);
                } catch (FormatException e) {
                    format = e;
                } catch (ChecksumException e) {
                    checksum = e;
                }
                if (i == 0) {
                    // Last grids: corrected with every alignment pattern (tilt), grown from the
                    // finders' parallelogram and from the perspective their sizes show.
                    double contrast = contrast(grey);
                    GridRefiner.refine(image, gridToImage(finders[0], finders[1], finders[2], null, dimension),
                            dimension, finders, inverted, contrast).ifPresent(grids::add);
                    perspectiveFromFinderSizes(finders, dimension).flatMap(
                            sized -> GridRefiner.refine(image, sized, dimension, finders, inverted, contrast))
                            .ifPresent(grids::add);
                }
            }
        }
        if (checksum != null) {
            throw checksum;
        }
        throw format != null ? format : FormatException.getFormatInstance();
    }

    /**
     * Module coordinates to image coordinates, as ZXing's detector builds it: finder centres at
     * 3.5 modules from the corners, the alignment pattern (when found) 3 modules further in,
     * otherwise the fourth corner of the parallelogram.
     */
    static PerspectiveTransform gridToImage(ResultPoint topLeft, ResultPoint topRight, ResultPoint bottomLeft,
            ResultPoint alignment, int dimension) {
        float far = dimension - 3.5f;
        float bottomRightX;
        float bottomRightY;
        float sourceBottomRight;
        if (alignment != null) {
            bottomRightX = alignment.getX();
            bottomRightY = alignment.getY();
            sourceBottomRight = far - 3;
        } else {
            bottomRightX = topRight.getX() - topLeft.getX() + bottomLeft.getX();
            bottomRightY = topRight.getY() - topLeft.getY() + bottomLeft.getY();
            sourceBottomRight = far;
        }
        return PerspectiveTransform.quadrilateralToQuadrilateral(3.5f, 3.5f, far, 3.5f, sourceBottomRight,
                sourceBottomRight, 3.5f, far, topLeft.getX(), topLeft.getY(), topRight.getX(), topRight.getY(),
                bottomRightX, bottomRightY, bottomLeft.getX(), bottomLeft.getY());
    }

    /**
     * The grid through the three finder centres with the perspective their sizes imply, or empty
     * when ZXing gave no sizes. Under a homography a pattern's area in the image scales with
     * w⁻³, w being the projective denominator, affine in module coordinates; so each finder's
     * module size gives w at its centre up to a common factor (w ∝ size^(−2/3)), and since w and
     * w·(x, y) are both affine, the fourth corner follows as in a parallelogram of those. At 30°
     * of tilt the module size differs by a third between two finders, and the parallelogram
     * through them is modules off in the middle of the code, too far for {@link GridRefiner} to
     * find the alignment patterns from it; this grid is within about a module.
     */
    static Optional<PerspectiveTransform> perspectiveFromFinderSizes(ResultPoint[] finders, int dimension) {
        double[] sizes = new double[3];
        for (int k = 0; k < 3; k++) {
            if (!(finders[k] instanceof FinderPattern pattern)) {
                return Optional.empty();
            }
            sizes[k] = pattern.getEstimatedModuleSize();
        }
        return perspectiveFromFinderSizes(finders, sizes, dimension);
    }

    /** The same from the finder centres (top-left, top-right, bottom-left) and their module sizes in pixels. */
    static Optional<PerspectiveTransform> perspectiveFromFinderSizes(ResultPoint[] finders, double[] moduleSizes,
            int dimension) {
        double[] w = new double[3];
        for (int k = 0; k < 3; k++) {
            if (!(moduleSizes[k] > 0)) {
                return Optional.empty();
            }
            w[k] = Math.pow(moduleSizes[k], -2.0 / 3);
        }
        double cornerW = w[1] + w[2] - w[0];
        if (!(cornerW > 0.25 * w[0])) {
            return Optional.empty(); // a horizon inside the code: not a flat screen
        }
        double x = (finders[1].getX() * w[1] + finders[2].getX() * w[2] - finders[0].getX() * w[0]) / cornerW;
        double y = (finders[1].getY() * w[1] + finders[2].getY() * w[2] - finders[0].getY() * w[0]) / cornerW;
        float far = dimension - 3.5f;
        return Optional.of(PerspectiveTransform.quadrilateralToQuadrilateral(3.5f, 3.5f, far, 3.5f, far, far,
                3.5f, far, finders[0].getX(), finders[0].getY(), finders[1].getX(), finders[1].getY(), (float) x,
                (float) y, finders[2].getX(), finders[2].getY()));
    }

    /** Each module's grey, the mean of 3×3 samples around its centre; inverted codes flipped (dark = low). */
    static float[] sample(LumaImage image, PerspectiveTransform grid, int dimension, boolean inverted) {
        float[] grey = new float[dimension * dimension];
        float[] point = new float[2];
        for (int row = 0; row < dimension; row++) {
            for (int column = 0; column < dimension; column++) {
                float sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        point[0] = column + 0.5f + dx * SUB_SAMPLE_OFFSET;
                        point[1] = row + 0.5f + dy * SUB_SAMPLE_OFFSET;
                        grid.transformPoints(point);
                        sum += bilinear(image, point[0], point[1]);
                    }
                }
                grey[row * dimension + column] = inverted ? 255 - sum / 9 : sum / 9;
            }
        }
        return grey;
    }

    /** Light-minus-dark module grey: the mean above the overall mean minus the mean below it. */
    static double contrast(float[] grey) {
        double mean = 0;
        for (float g : grey) {
            mean += g;
        }
        mean /= grey.length;
        double high = 0;
        double low = 0;
        int highs = 0;
        for (float g : grey) {
            if (g >= mean) {
                high += g;
                highs++;
            } else {
                low += g;
            }
        }
        int lows = grey.length - highs;
        return highs == 0 || lows == 0 ? 0 : high / highs - low / lows;
    }

    /** The modules, set = dark: each compared with the mean of its neighbourhood, in module units. */
    static BitMatrix threshold(float[] grey, int dimension) {
        // Neighbourhood means from a summed-area table of the module values.
        double[] table = new double[(dimension + 1) * (dimension + 1)];
        for (int row = 0; row < dimension; row++) {
            double line = 0;
            for (int column = 0; column < dimension; column++) {
                line += grey[row * dimension + column];
                table[(row + 1) * (dimension + 1) + column + 1] = table[row * (dimension + 1) + column + 1] + line;
            }
        }
        BitMatrix modules = new BitMatrix(dimension);
        for (int row = 0; row < dimension; row++) {
            int top = Math.max(0, row - THRESHOLD_RADIUS);
            int bottom = Math.min(dimension, row + THRESHOLD_RADIUS + 1);
            for (int column = 0; column < dimension; column++) {
                int left = Math.max(0, column - THRESHOLD_RADIUS);
                int right = Math.min(dimension, column + THRESHOLD_RADIUS + 1);
                double sum = table[bottom * (dimension + 1) + right] - table[top * (dimension + 1) + right]
                        - table[bottom * (dimension + 1) + left] + table[top * (dimension + 1) + left];
                if (grey[row * dimension + column] * (bottom - top) * (right - left) < sum) {
                    modules.set(column, row);
                }
            }
        }
        return modules;
    }

    /** Grey at image point (x, y) (pixel centres at half-integers), edges clamped. */
    static float bilinear(LumaImage image, float x, float y) {
        float sx = x - 0.5f;
        float sy = y - 0.5f;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        float fx = sx - x0;
        float fy = sy - y0;
        int maxX = image.width() - 1;
        int maxY = image.height() - 1;
        int xa = clamp(x0, maxX);
        int xb = clamp(x0 + 1, maxX);
        int ya = clamp(y0, maxY);
        int yb = clamp(y0 + 1, maxY);
        float top = image.luma(xa, ya) * (1 - fx) + image.luma(xb, ya) * fx;
        float bottom = image.luma(xa, yb) * (1 - fx) + image.luma(xb, yb) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static int clamp(int value, int max) {
        return value < 0 ? 0 : Math.min(value, max);
    }
}
