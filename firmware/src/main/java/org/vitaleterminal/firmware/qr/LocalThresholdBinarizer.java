package org.vitaleterminal.firmware.qr;

import com.google.zxing.NotFoundException;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import java.util.Arrays;

/**
 * ZXing's local-threshold binarization ({@link HybridBinarizer}: a black point per 8×8 block, each
 * block thresholded at the mean black point of the 5×5 blocks around it), written for the frame
 * path: it produces the same bits, but
 * <ul>
 *   <li>reads the luma plane in place, with its stride (a crop of a frame is not copied first);
 *   <li>reuses its output matrix and block arrays while the image size stays the same (a camera's
 *       frames, or the aligned crop around a code in view), so a frame allocates nothing;
 *   <li>sets the bits eight at a time without a branch per pixel: on noisy camera images the
 *       per-pixel "is it dark?" branch of the original is mispredicted about half the time.
 * </ul>
 * The returned matrix is overwritten by the next call. Not thread-safe: one per decode thread.
 */
final class LocalThresholdBinarizer {
    private static final int BLOCK = 8;
    private static final int BLOCK_SHIFT = 3;
    /** The 5×5 neighbourhood needs at least 5 blocks each way; below that ZXing uses its global method. */
    static final int MIN_DIMENSION = 5 * BLOCK;
    /** A block whose pixels span no more than this is flat: all light or all dark. */
    private static final int MIN_DYNAMIC_RANGE = 24;

    private BitMatrix matrix;
    private BitArray row;
    private int[] blackPoints = new int[0];
    private int[] thresholds = new int[0];

    /** The black (dark) pixels of {@code image}: true = dark. Valid until the next call. */
    BitMatrix binarize(LumaImage image) throws NotFoundException {
        int width = image.width();
        int height = image.height();
        if (width < MIN_DIMENSION || height < MIN_DIMENSION) {
            return new HybridBinarizer(image.source()).getBlackMatrix(); // tiny: ZXing's global fallback
        }
        int blocksX = (width + BLOCK - 1) >> BLOCK_SHIFT;
        int blocksY = (height + BLOCK - 1) >> BLOCK_SHIFT;
        if (matrix == null || matrix.getWidth() != width || matrix.getHeight() != height) {
            matrix = new BitMatrix(width, height);
            row = new BitArray(width);
        }
        if (blackPoints.length < blocksX * blocksY) {
            blackPoints = new int[blocksX * blocksY];
            thresholds = new int[blocksX * blocksY];
        }
        computeBlackPoints(image, blocksX, blocksY);
        computeThresholds(blocksX, blocksY);
        int[] words = row.getBitArray();
        for (int y = 0; y < height; y++) {
            Arrays.fill(words, 0);
            int blockRow = y >> BLOCK_SHIFT;
            thresholdRow(image, y, blockRow, blocksX, words);
            // The last block row sits at height - 8 and overlaps the one before it when the height
            // is not a multiple of 8; overlapped pixels are dark if either block says so (as in ZXing).
            if (blockRow != blocksY - 1 && y >= height - BLOCK) {
                thresholdRow(image, y, blocksY - 1, blocksX, words);
            }
            matrix.setRow(y, row);
        }
        return matrix;
    }

    /** The top-left pixel of a block; the last block in a row or column is moved back inside the image. */
    private static int blockStart(int block, int size) {
        return Math.min(block << BLOCK_SHIFT, size - BLOCK);
    }

    private void computeBlackPoints(LumaImage image, int blocksX, int blocksY) {
        byte[] pixels = image.pixels();
        int stride = image.stride();
        for (int by = 0; by < blocksY; by++) {
            int top = image.offset() + blockStart(by, image.height()) * stride;
            for (int bx = 0; bx < blocksX; bx++) {
                int start = top + blockStart(bx, image.width());
                int sum = 0;
                int min = 0xFF;
                int max = 0;
                for (int yy = 0, at = start; yy < BLOCK; yy++, at += stride) {
                    for (int xx = 0; xx < BLOCK; xx++) {
                        int pixel = pixels[at + xx] & 0xFF;
                        sum += pixel;
                        min = Math.min(min, pixel);
                        max = Math.max(max, pixel);
                    }
                }
                int blackPoint = sum >> (2 * BLOCK_SHIFT);
                if (max - min <= MIN_DYNAMIC_RANGE) {
                    // A flat block: assume light background (half its minimum), unless it is darker
                    // than its already-computed neighbours suggest, then take theirs (a dark module
                    // larger than a block must stay dark).
                    blackPoint = min / 2;
                    if (by > 0 && bx > 0) {
                        int i = by * blocksX + bx;
                        int neighbours = (blackPoints[i - blocksX] + 2 * blackPoints[i - 1]
                                + blackPoints[i - blocksX - 1]) / 4;
                        if (min < neighbours) {
                            blackPoint = neighbours;
                        }
                    }
                }
                blackPoints[by * blocksX + bx] = blackPoint;
            }
        }
    }

    /** Each block's threshold: the mean black point of the 5×5 blocks around it (clamped inside the grid). */
    private void computeThresholds(int blocksX, int blocksY) {
        for (int by = 0; by < blocksY; by++) {
            int cy = Math.clamp(by, 2, blocksY - 3);
            for (int bx = 0; bx < blocksX; bx++) {
                int cx = Math.clamp(bx, 2, blocksX - 3);
                int sum = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    int i = (cy + dy) * blocksX + cx;
                    sum += blackPoints[i - 2] + blackPoints[i - 1] + blackPoints[i] + blackPoints[i + 1]
                            + blackPoints[i + 2];
                }
                thresholds[by * blocksX + bx] = sum / 25;
            }
        }
    }

    /** ORs the dark pixels of row {@code y}, as thresholded by block row {@code blockRow}, into {@code words}. */
    private void thresholdRow(LumaImage image, int y, int blockRow, int blocksX, int[] words) {
        byte[] pixels = image.pixels();
        int rowStart = image.offset() + y * image.stride();
        int width = image.width();
        for (int bx = 0; bx < blocksX; bx++) {
            int threshold = thresholds[blockRow * blocksX + bx];
            int x0 = blockStart(bx, width);
            int at = rowStart + x0;
            int bits = 0;
            for (int i = 0; i < BLOCK; i++) {
                // (pixel - threshold - 1) is negative exactly when pixel <= threshold: its sign bit is the bit.
                bits |= (((pixels[at + i] & 0xFF) - threshold - 1) >>> 31) << i;
            }
            int word = x0 >> 5;
            int shift = x0 & 31;
            words[word] |= bits << shift;
            if (shift > 32 - BLOCK) {
                words[word + 1] |= bits >>> (32 - shift);
            }
        }
    }
}
