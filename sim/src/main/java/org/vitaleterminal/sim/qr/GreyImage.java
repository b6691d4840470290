package org.vitaleterminal.sim.qr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * An 8-bit grey picture, row-major, no padding: what a camera's Y plane holds. The pixel array
 * is copied in and out, so an instance never changes.
 */
public record GreyImage(int width, int height, byte[] luma) {
    public GreyImage {
        Objects.requireNonNull(luma, "luma");
        if (width <= 0 || height <= 0 || (long) width * height != luma.length) {
            throw new IllegalArgumentException(width + "x" + height + " image with " + luma.length + " pixels");
        }
        luma = luma.clone();
    }

    @Override
    public byte[] luma() {
        return luma.clone();
    }

    /** Writes an 8-bit grey PNG (lossless: the same pixels as {@link #luma()}). */
    public void writePng(Path file) throws IOException {
        if (!ImageIO.write(toBufferedImage(), "png", file.toFile())) {
            throw new IOException("no PNG writer in this JDK");
        }
    }

    /**
     * Writes a binary PGM (P5), the cheapest lossless format the command-line peers read — no
     * PNG inflate in their timings.
     */
    public void writePgm(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            out.write(luma);
        }
    }

    /** This picture after a JPEG round trip at ImageIO quality {@code quality} (1–100). */
    public GreyImage jpegRoundTrip(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality " + quality + " is outside 1..100");
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality / 100f);
                writer.write(null, new IIOImage(toBufferedImage(), null, null), param);
            }
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            if (decoded == null || decoded.getType() != BufferedImage.TYPE_BYTE_GRAY) {
                throw new IllegalStateException("ImageIO did not read back its own grey JPEG");
            }
            return fromGreyImage(decoded);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG round trip in memory", e);
        } finally {
            writer.dispose();
        }
    }

    BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(luma, 0, target, 0, luma.length);
        return image;
    }

    private static GreyImage fromGreyImage(BufferedImage image) {
        byte[] pixels = new byte[image.getWidth() * image.getHeight()];
        image.getRaster().getDataElements(0, 0, image.getWidth(), image.getHeight(), pixels);
        return new GreyImage(image.getWidth(), image.getHeight(), pixels);
    }
}
