package org.vitaleterminal.firmware.qr;

import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DecoderResult;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.multi.qrcode.detector.MultiFinderPatternFinder;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.Detector;
import com.google.zxing.qrcode.detector.FinderPattern;
import com.google.zxing.qrcode.detector.FinderPatternInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * Reads a QR code from a binarized image by trying the most square-looking finder-pattern triples.
 *
 * <p>Why not ZXing's {@code QRCodeReader}: its finder search stops as soon as it has three
 * confirmed patterns of similar size, and the data area of a large code (version 20 and up at
 * 3–4 px/module, i.e. a phone screen at VGA) often contains a 1:1:3:1:1 run that passes for a
 * finder pattern. Found before the real bottom-left pattern, it ends the search and the reader
 * samples a wrong grid (a version-18 grid for a version-20 code in the benchmark frame: format
 * error). ZXing's multi-code finder scans the whole image and keeps every triple of plausible
 * geometry; reading the triples closest to a right isosceles triangle first gets the real code at
 * the cost of one full scan.
 *
 * <p>The result also tells the frame policy whether fallbacks are worth their time: a plausible
 * triple that does not decode is evidence of a code; no triple is evidence of none.
 * Not thread-safe (ZXing's decoder holds scratch state): one per decode thread.
 */
final class FinderTripleReader {
    /** Triples tried per image, best first: the real code is almost always the first or second. */
    static final int MAX_TRIPLES = 3;

    private final Decoder decoder = new Decoder();

    /** What reading one image gave. */
    sealed interface Read {
        /** Decoded: the text and the points (finder centres, alignment pattern) in image pixels. */
        record Decoded(String text, ResultPoint[] points) implements Read {}

        /** Finder patterns in a code-like triangle were found, but no triple decoded. */
        record PatternsOnly() implements Read {}

        /** No plausible triple of finder patterns: most likely no code. */
        record Nothing() implements Read {}
    }

    static final Read PATTERNS_ONLY = new Read.PatternsOnly();
    static final Read NOTHING = new Read.Nothing();

    Read read(BitMatrix image) {
        FinderPatternInfo[] triples;
        try {
            triples = new MultiFinderPatternFinder(image, null).findMulti(Map.of());
        } catch (NotFoundException | RuntimeException none) {
            return NOTHING;
        }
        if (triples.length == 0) {
            return NOTHING;
        }
        Arrays.sort(triples, Comparator.comparingDouble(FinderTripleReader::squareness));
        TripleDetector detector = new TripleDetector(image);
        for (int i = 0; i < Math.min(MAX_TRIPLES, triples.length); i++) {
            try {
                DetectorResult detected = detector.process(triples[i]);
                DecoderResult decoded = decoder.decode(detected.getBits(), Map.of());
                if (decoded.getText() != null) {
                    return new Read.Decoded(decoded.getText(), detected.getPoints());
                }
            } catch (NotFoundException | FormatException | ChecksumException | RuntimeException notThisOne) {
                // a wrong triple, or the right one too damaged: try the next
            }
        }
        return PATTERNS_ONLY;
    }

    /**
     * How far a triple is from a code seen head-on: 0 for a right isosceles triangle of patterns of
     * equal size; grows with unequal sides, a non-right corner and unequal pattern sizes. A triple
     * with a false pattern from the data area fails at least one of these clearly.
     */
    static double squareness(FinderPatternInfo triple) {
        FinderPattern topLeft = triple.getTopLeft();
        FinderPattern topRight = triple.getTopRight();
        FinderPattern bottomLeft = triple.getBottomLeft();
        double top = ResultPoint.distance(topLeft, topRight);
        double left = ResultPoint.distance(topLeft, bottomLeft);
        double diagonal = ResultPoint.distance(topRight, bottomLeft);
        double sides = Math.abs(top - left) / Math.max(top, left);
        double rightAngle = Math.abs(diagonal * diagonal - (top * top + left * left)) / (top * top + left * left);
        float minSize = Math.min(topLeft.getEstimatedModuleSize(),
                Math.min(topRight.getEstimatedModuleSize(), bottomLeft.getEstimatedModuleSize()));
        float maxSize = Math.max(topLeft.getEstimatedModuleSize(),
                Math.max(topRight.getEstimatedModuleSize(), bottomLeft.getEstimatedModuleSize()));
        double sizes = (maxSize - minSize) / maxSize;
        return sides + rightAngle + sizes;
    }

    /** ZXing's detector, with the step from a given triple to a sampled grid made reachable. */
    private static final class TripleDetector extends Detector {
        TripleDetector(BitMatrix image) {
            super(image);
        }

        DetectorResult process(FinderPatternInfo triple) throws NotFoundException, FormatException {
            return processFinderPatternInfo(triple);
        }
    }
}
