package org.vitaleterminal.firmware.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Finds and decodes one QR code in a still image (PNG, JPEG) or an 8-bit luma frame, with ZXing.
 *
 * <p>Runs the whole {@link QrDecodeStrategy} (the same ordered attempts the camera path uses)
 * with no time budget and every fallback allowed: a still image is decoded once, so it is worth
 * trying everything — local and global thresholds, inverted (dark-mode) codes, the pure-barcode
 * mode for codes cropped without a quiet zone (screenshots; 9 NL test PNGs), ×2 upscaling for
 * small modules and a small rotation for curved prints. The attempt list is finite, so a decode
 * still ends; Reed–Solomon guards every attempt against misreads.
 *
 * <p>A bad image is never an exception: an undecodable, truncated, unsupported or absurdly large
 * image is simply "no code found". Only failing to read a file at all is an {@link IOException}.
 * Holds ZXing readers: use one instance per thread.
 */
public final class QrImageDecoder {
    /** Larger than any camera frame we take (12 MP); refuses decompression bombs before decoding. */
    static final long MAX_PIXELS = 40_000_000L;

    private final QrDecodeStrategy strategy = QrDecodeStrategy.forStillImages();

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
        return decodeHit(LumaImage.packed(luma, width, height)).map(QrHit::text);
    }

    /** The hit with the attempt that found it (the blackbox test reports which fallbacks earn their place). */
    Optional<QrHit> decodeHit(LumaImage image) {
        return strategy.decode(image, Optional.empty(), true, DecodeBudget.UNLIMITED).hit();
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
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_USHORT_GRAY) {
            return greySamples(image);
        }
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

    /**
     * A grey image's own samples (8 or 16 bit, scaled to 8). Not through {@code getRGB}: Java's
     * grey colour space is linear, so getRGB would re-encode every value with the sRGB curve
     * (mid-grey 128 becomes 188) — not the grey the file holds, nor what a camera's Y plane gives.
     */
    private static byte[] greySamples(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int shift = image.getType() == BufferedImage.TYPE_USHORT_GRAY ? 8 : 0;
        byte[] luma = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRaster().getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                luma[y * width + x] = (byte) (row[x] >> shift);
            }
        }
        return luma;
    }
}
