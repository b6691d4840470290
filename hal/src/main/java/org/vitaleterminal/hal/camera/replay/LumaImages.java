package org.vitaleterminal.hal.camera.replay;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.vitaleterminal.hal.camera.LumaImage;

/**
 * Turns picture files (PNG, JPEG, binary PGM) into {@link LumaImage}s. Colour becomes luma with
 * the weights ZXing uses (0.299 R + 0.587 G + 0.114 B), transparency is laid over white, and grey
 * pictures keep their exact levels (no colour-space conversion on the way).
 */
public final class LumaImages {
    /** The largest picture accepted: 16 megapixels (a decoded colour picture takes 4 bytes a pixel). */
    public static final long MAX_PIXELS = 16L << 20;

    private LumaImages() {}

    /** Whether {@code path}'s name says PNG, JPEG or PGM. */
    public static boolean isImageName(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".pgm");
    }

    /**
     * Reads one picture; the kind is told by its first bytes, not its name.
     *
     * @throws IOException naming the file and what is wrong (unreadable, unknown format, too large, truncated)
     */
    public static LumaImage read(Path path) throws IOException {
        String name = path.toString();
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(2);
            if (magic.length == 2 && magic[0] == 'P' && magic[1] == '5') {
                try (InputStream again = Files.newInputStream(path)) {
                    return PgmReader.read(again, name, MAX_PIXELS);
                }
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(name + ": not a PNG, JPEG or PGM image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new IOException(name + ": " + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " is larger than " + MAX_PIXELS + " pixels");
                }
                return fromImage(reader.read(0));
            } catch (RuntimeException e) {
                // ImageIO plugins throw unchecked exceptions on some corrupt files
                throw new IOException(name + ": unreadable image (" + e.getClass().getSimpleName() + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The luma of a decoded picture. */
    public static LumaImage fromImage(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = new byte[width * height];
        ColorModel model = image.getColorModel();
        if (model instanceof ComponentColorModel && model.getNumComponents() == 1
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            // grey: take the samples as they are; getRGB would convert from linear grey to sRGB
            Raster raster = image.getRaster();
            int bits = model.getComponentSize(0);
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                raster.getSamples(0, y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    int v = bits >= 8 ? row[x] >>> (bits - 8) : row[x] * 255 / ((1 << bits) - 1);
                    pixels[y * width + x] = (byte) v;
                }
            }
            return new LumaImage(width, height, pixels);
        }
        int[] argb = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, argb, 0, width);
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) luma(argb[x]);
            }
        }
        return new LumaImage(width, height, pixels);
    }

    /** ZXing's integer luma of an ARGB pixel, laid over white. */
    static int luma(int argb) {
        int a = argb >>> 24;
        int r = over((argb >> 16) & 0xFF, a);
        int g = over((argb >> 8) & 0xFF, a);
        int b = over(argb & 0xFF, a);
        return (306 * r + 601 * g + 117 * b + 0x200) >> 10;
    }

    private static int over(int c, int alpha) {
        return (c * alpha + 255 * (255 - alpha) + 127) / 255;
    }
}
