package org.vitaleterminal.firmware.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs attempts with ZXing core: QR only, from the luma plane. Holds ZXing readers, which keep
 * scratch state: one instance per thread.
 */
final class ZxingAttemptRunner implements AttemptRunner {
    /** Still images: upscaled or rotated copies up to this many pixels (a 1.5 MP photo at ×2). */
    static final long STILL_MAX_DERIVED_PIXELS = 6_000_000L;
    /**
     * Camera frames: copies up to this many pixels, so one fallback costs about one 720p
     * decode (the centre of a 720p frame at ×2, a VGA frame at ×2); larger ones are skipped
     * rather than blowing the frame budget in a single attempt.
     */
    static final long FRAME_MAX_DERIVED_PIXELS = 1_300_000L;
    /** Below this height TRY_HARDER's row skip equals the default (3 rows): the attempt would repeat NORMAL. */
    static final int TRY_HARDER_MIN_HEIGHT = 520;

    private static final Map<QrAttempt.Mode, Map<DecodeHintType, Object>> HINTS = hints();

    private final long maxDerivedPixels;
    private final QRCodeReader reader = new QRCodeReader();
    private final QRCodeMultiReader multiReader = new QRCodeMultiReader();
    private final GreyGridReader greyGridReader = new GreyGridReader();

    ZxingAttemptRunner(long maxDerivedPixels) {
        this.maxDerivedPixels = maxDerivedPixels;
    }

    private static Map<QrAttempt.Mode, Map<DecodeHintType, Object>> hints() {
        Map<QrAttempt.Mode, Map<DecodeHintType, Object>> all = new EnumMap<>(QrAttempt.Mode.class);
        for (QrAttempt.Mode mode : QrAttempt.Mode.values()) {
            Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
            hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
            if (mode != QrAttempt.Mode.NORMAL) {
                hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
            }
            if (mode == QrAttempt.Mode.PURE) {
                hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
            }
            all.put(mode, Map.copyOf(hints));
        }
        return all;
    }

    @Override
    public Outcome run(QrAttempt attempt, LumaImage image, Optional<QrHit.Bounds> lastHit) {
        Optional<LumaImage> prepared = prepare(attempt, image, lastHit);
        if (prepared.isEmpty()) {
            return Outcome.SKIPPED;
        }
        LumaImage view = prepared.get();
        LuminanceSource source = view.source();
        if (attempt.inverted()) {
            source = source.invert();
        }
        BinaryBitmap bitmap = new BinaryBitmap(attempt.binarizer() == QrAttempt.Binarizer.HYBRID
                ? new HybridBinarizer(source) : new GlobalHistogramBinarizer(source));
        try {
            Result result = switch (attempt.mode()) {
                case ALL_FINDER_TRIPLES -> first(multiReader.decodeMultiple(bitmap, HINTS.get(attempt.mode())));
                case GREY_GRID -> greyGridReader.decode(view, bitmap.getBlackMatrix(), attempt.inverted(),
                        HINTS.get(attempt.mode()));
                default -> reader.decode(bitmap, HINTS.get(attempt.mode()));
            };
            String text = result.getText();
            if (text == null) {
                return Outcome.NOTHING;
            }
            return new Outcome.Hit(new QrHit(text, attempt.name(), bounds(result.getResultPoints(), view)));
        } catch (ChecksumException | FormatException patternsButNoCode) {
            return Outcome.SEEN;
        } catch (NotFoundException | RuntimeException nothing) {
            // ZXing signals "no code" with NotFoundException, and on odd inputs with runtime exceptions.
            return Outcome.NOTHING;
        } finally {
            reader.reset();
        }
    }

    private static Result first(Result[] results) throws NotFoundException {
        if (results.length == 0) {
            throw NotFoundException.getNotFoundInstance();
        }
        return results[0];
    }

    /** The region to read, or empty when the attempt does not apply to this image. */
    private Optional<LumaImage> prepare(QrAttempt attempt, LumaImage image, Optional<QrHit.Bounds> lastHit) {
        LumaImage region = switch (attempt.region()) {
            case FULL -> image;
            case CENTRE -> ImageOps.crop(image, image.width() / 4, image.height() / 4,
                    Math.max(1, image.width() / 2), Math.max(1, image.height() / 2));
            case LAST_HIT -> {
                if (lastHit.isEmpty()) {
                    yield null;
                }
                yield FastFrameReader.aroundLastHit(image, lastHit.get()); // the same crop as the frame path
            }
        };
        if (region == null) {
            return Optional.empty();
        }
        if (attempt.mode() == QrAttempt.Mode.TRY_HARDER_IF_TALL && region.height() * attempt.scale()
                < TRY_HARDER_MIN_HEIGHT) {
            return Optional.empty();
        }
        if (attempt.brighten()) {
            region = ImageOps.brighten(region);
        }
        if (attempt.rotation() != 0) {
            if ((long) region.width() * region.height() > maxDerivedPixels) {
                return Optional.empty();
            }
            region = ImageOps.rotate(region, attempt.rotation());
        }
        if (attempt.scale() > 1) {
            long scale = attempt.scale();
            if (scale * scale * region.width() * region.height() > maxDerivedPixels) {
                return Optional.empty();
            }
            region = ImageOps.upscale(region, attempt.scale());
        }
        return Optional.of(region);
    }

    /** The box around the result points, mapped back to frame pixels; empty when the view was rotated. */
    static Optional<QrHit.Bounds> bounds(ResultPoint[] points, LumaImage view) {
        LumaImage.Placement placement = view.placement();
        if (!placement.exact() || points == null || points.length < 3) {
            return Optional.empty();
        }
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (ResultPoint point : points) {
            if (point == null) {
                continue;
            }
            minX = Math.min(minX, point.getX());
            minY = Math.min(minY, point.getY());
            maxX = Math.max(maxX, point.getX());
            maxY = Math.max(maxY, point.getY());
        }
        int scale = placement.scale();
        int left = placement.left() + (int) Math.floor(minX / scale);
        int top = placement.top() + (int) Math.floor(minY / scale);
        int right = placement.left() + (int) Math.ceil(maxX / scale) + 1;
        int bottom = placement.top() + (int) Math.ceil(maxY / scale) + 1;
        return right > left && bottom > top ? Optional.of(new QrHit.Bounds(left, top, right, bottom))
                : Optional.empty();
    }
}
