package org.vitaleterminal.firmware.qr;

import com.google.zxing.NotFoundException;
import com.google.zxing.common.BitMatrix;
import java.util.Optional;

/**
 * The frame path's fast read: local threshold ({@link LocalThresholdBinarizer}, no allocation)
 * and the best finder-pattern triples ({@link FinderTripleReader}), first on an aligned crop
 * around the last hit while a code is in view, else on the whole frame.
 *
 * <p>No TRY_HARDER: on frames up to 480 rows it changes nothing, and on taller ones the default
 * row step (5 at 720p) still crosses a finder pattern of 7 modules at ≥ 3 px/module at least
 * four times. Not thread-safe: one per decode thread.
 */
final class FastFrameReader implements FastPath {
    /** Margin around the last hit's box (finder and alignment centres), as a fraction of its size per side. */
    static final double LAST_HIT_MARGIN = 0.5;
    /**
     * The crop's edges are rounded out to multiples of this: a code that jitters by a pixel keeps
     * the same crop size, so the binarizer keeps reusing its matrix.
     */
    static final int CROP_ALIGN = 32;

    private final LocalThresholdBinarizer binarizer = new LocalThresholdBinarizer();
    private final FinderTripleReader triples = new FinderTripleReader();

    @Override
    public AttemptRunner.Outcome read(LumaImage frame, Optional<QrHit.Bounds> lastHit) {
        if (lastHit.isPresent()) {
            LumaImage crop = aroundLastHit(frame, lastHit.get());
            if (crop != null) {
                AttemptRunner.Outcome near = read(crop, "last-hit");
                if (!(near instanceof AttemptRunner.Outcome.Nothing)) {
                    return near; // decoded, or the code is still there but unreadable this frame
                }
            }
        }
        return read(frame, "hybrid");
    }

    private AttemptRunner.Outcome read(LumaImage image, String name) {
        BitMatrix bits;
        try {
            bits = binarizer.binarize(image);
        } catch (NotFoundException flat) {
            return AttemptRunner.Outcome.NOTHING;
        }
        return switch (triples.read(bits)) {
            case FinderTripleReader.Read.Decoded decoded -> new AttemptRunner.Outcome.Hit(
                    new QrHit(decoded.text(), name, ZxingAttemptRunner.bounds(decoded.points(), image)));
            case FinderTripleReader.Read.PatternsOnly seen -> AttemptRunner.Outcome.SEEN;
            case FinderTripleReader.Read.Nothing nothing -> AttemptRunner.Outcome.NOTHING;
        };
    }

    /** A zero-copy view of the frame around the last hit, or null when that is (now) off the frame. */
    static LumaImage aroundLastHit(LumaImage frame, QrHit.Bounds hit) {
        int marginX = (int) Math.ceil(hit.width() * LAST_HIT_MARGIN);
        int marginY = (int) Math.ceil(hit.height() * LAST_HIT_MARGIN);
        int left = Math.max(0, Math.floorDiv(hit.left() - marginX, CROP_ALIGN) * CROP_ALIGN);
        int top = Math.max(0, Math.floorDiv(hit.top() - marginY, CROP_ALIGN) * CROP_ALIGN);
        int right = Math.min(frame.width(), ceilTo(hit.right() + marginX));
        int bottom = Math.min(frame.height(), ceilTo(hit.bottom() + marginY));
        if (right - left < 21 || bottom - top < 21) {
            return null;
        }
        return new LumaImage(frame.pixels(), frame.offset() + top * frame.stride() + left, right - left,
                bottom - top, frame.stride(), new LumaImage.Placement(left, top, 1, frame.placement().exact()));
    }

    private static int ceilTo(int value) {
        return Math.floorDiv(value + CROP_ALIGN - 1, CROP_ALIGN) * CROP_ALIGN;
    }
}
