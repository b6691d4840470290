package org.vitaleterminal.firmware.qr;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Finds and decodes one QR code in a still image (PNG, JPEG) or an 8-bit luma frame, with ZXing.
 *
 * <p>Tries, in order: the hybrid (local-threshold) binarizer, then the global-histogram one
 * (better on evenly lit, low-contrast pictures), each on the image and on its inverse (light
 * modules on a dark background, as some phone themes show them). QR only, with
 * {@code TRY_HARDER}. Last, ZXing's pure-barcode mode, which reads a clean, unrotated,
 * computer-generated code straight from its bounding box: it is what finds codes cropped without
 * a quiet zone (screenshots; 9 NL test PNGs that the finder-pattern search misreads). On a
 * camera frame without such a code it gives up at once, and Reed–Solomon still guards it
 * against misreads.
 *
 * <p>A bad image is never an exception: an undecodable, truncated, unsupported or absurdly large
 * image is simply "no code found". Only failing to read a file at all is an {@link IOException}.
 * Stateless apart from the reader's scratch state: use one instance per thread.
 */
public final class QrImageDecoder {
    /** Larger than any camera frame we take (12 MP); refuses decompression bombs before decoding. */
    static final long MAX_PIXELS = 40_000_000L;

    private static final Map<DecodeHintType, Object> HINTS = hints(false);
    private static final Map<DecodeHintType, Object> PURE_HINTS = hints(true);
    private static final List<Function<LuminanceSource, Binarizer>> BINARIZERS =
            List.of(HybridBinarizer::new, GlobalHistogramBinarizer::new);

    private final QRCodeReader reader = new QRCodeReader();

    private static Map<DecodeHintType, Object> hints(boolean pure) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        if (pure) {
            hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        }
        return Map.copyOf(hints);
    }

    /**
     * Decodes the QR code in an image file.
     *
     * @throws IOException only when the file cannot be read; a file that is not a decodable
     *                     image gives {@link Optional#empty()}
     */
    public Optional<String> decode(Path imageFile) throws IOException {
        return decode(Files.readAllBytes(imageFile));
    }

    /** Decodes the QR code in encoded image bytes (PNG, JPEG, or anything ImageIO reads). */
    public Optional<String> decode(byte[] encodedImage) {
        BufferedImage image = read(encodedImage);
        return image == null ? Optional.empty() : decode(image);
    }

    public Optional<String> decode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if ((long) width * height > MAX_PIXELS) {
            return Optional.empty();
        }
        return decodeLuma(luma(image), width, height);
    }

    /**
     * Decodes a frame of 8-bit luma, row-major, {@code width × height} bytes (a camera's Y plane).
     */
    public Optional<String> decodeLuma(byte[] luma, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS || luma.length < width * height) {
            return Optional.empty();
        }
        LuminanceSource source = new PlanarYUVLuminanceSource(luma, width, height, 0, 0, width, height, false);
        List<LuminanceSource> sources = List.of(source, source.invert());
        for (LuminanceSource candidate : sources) {
            for (Function<LuminanceSource, Binarizer> binarizer : BINARIZERS) {
                Optional<String> text = attempt(new BinaryBitmap(binarizer.apply(candidate)), HINTS);
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        for (LuminanceSource candidate : sources) {
            Optional<String> text = attempt(new BinaryBitmap(new HybridBinarizer(candidate)), PURE_HINTS);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private Optional<String> attempt(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {
        try {
            Result result = reader.decode(bitmap, hints);
            return Optional.ofNullable(result.getText());
        } catch (ReaderException | RuntimeException notFound) {
            // ZXing reports "no code here" with exceptions (and, on odd inputs, with runtime ones).
            return Optional.empty();
        } finally {
            reader.reset();
        }
    }

    /** ImageIO decode after a size check on the header; {@code null} for anything unusable. */
    private static BufferedImage read(byte[] encoded) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            if (input == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader imageReader = readers.next();
            try {
                imageReader.setInput(input, true, true);
                if ((long) imageReader.getWidth(0) * imageReader.getHeight(0) > MAX_PIXELS) {
                    return null;
                }
                return imageReader.read(0);
            } finally {
                imageReader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * ITU-R BT.601 luma in 0..255. Transparent pixels are composed over white, the paper a code
     * is printed on; otherwise a PNG with a transparent background reads as a black square.
     */
    static byte[] luma(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] luma = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                int alpha = argb >>> 24;
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                int y8 = (299 * r + 587 * g + 114 * b + 500) / 1000;
                luma[y * width + x] = (byte) ((y8 * alpha + 255 * (255 - alpha) + 127) / 255);
            }
        }
        return luma;
    }
}
