package org.vitaleterminal.sim.qr;

/**
 * Everything the renderer needs to take one photo, drawn beforehand so that a photo can be
 * described (and reproduced) by these numbers alone. Angles in degrees, lengths in camera pixels,
 * levels in 8-bit grey levels.
 *
 * @param rotationDeg     in-plane rotation of the phone
 * @param tiltDeg         tilt of the phone's plane away from the camera's image plane (0 = facing it)
 * @param tiltAxisDeg     direction, in the image, of the axis the phone is tilted about
 * @param cameraDistance  lens-to-phone distance in widths of the symbol (sets how strong the
 *                        keystone of a given tilt is; ~4 = a 4 cm code 16 cm from the lens)
 * @param offsetX         where the symbol's centre sits: fraction of the free room left/right, −1..1
 * @param offsetY         same, up/down
 * @param subPixelX       sub-pixel phase of the module grid, 0..1 px (a camera never lines up with it)
 * @param subPixelY       same, vertically
 * @param whiteLevel      what the camera records for the lit screen
 * @param blackLevel      what it records for a dark module (screen black plus ambient reflection)
 * @param inverted        dark mode: light modules on a dark screen
 * @param moduleContrast  light module level as a fraction of white − black (dark mode can be dim), 0..1
 * @param blurSigma       Gaussian optical blur σ (defocus, lens and demosaicing), total
 * @param glareAmplitude  peak grey levels added by a reflection (0 = none); the sensor clips at 255
 * @param glareRadius     σ of the reflection blob, in symbol widths
 * @param glareX          centre of the blob within the symbol, 0..1 from its left edge
 * @param glareY          same, from its top edge
 * @param moireAmplitude  depth of the screen-pixel beat pattern, fraction of the screen's light (0 = none)
 * @param moirePeriod     beat period in camera pixels
 * @param moireAngleDeg   orientation of the beat pattern
 * @param noiseSigma      Gaussian sensor noise σ per pixel
 * @param jpegQuality     ImageIO JPEG quality 1–100 the frame is recompressed with, 0 = none
 */
public record ShotParameters(
        double rotationDeg, double tiltDeg, double tiltAxisDeg, double cameraDistance,
        double offsetX, double offsetY, double subPixelX, double subPixelY,
        double whiteLevel, double blackLevel, boolean inverted, double moduleContrast,
        double blurSigma,
        double glareAmplitude, double glareRadius, double glareX, double glareY,
        double moireAmplitude, double moirePeriod, double moireAngleDeg,
        double noiseSigma, int jpegQuality) {

    public ShotParameters {
        if (!(cameraDistance > 1) || !(blurSigma >= 0) || !(noiseSigma >= 0) || jpegQuality < 0 || jpegQuality > 100
                || !(moduleContrast > 0 && moduleContrast <= 1) || !(blackLevel < whiteLevel)
                || !(Math.abs(tiltDeg) < 80) || !(moirePeriod > 0)) {
            throw new IllegalArgumentException("impossible shot: " + this);
        }
    }

    /** One line for tables and file manifests. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(java.util.Locale.ROOT, "rot=%.1f tilt=%.1f@%.0f blur=%.2f noise=%.1f",
                rotationDeg, tiltDeg, tiltAxisDeg, blurSigma, noiseSigma));
        text.append(String.format(java.util.Locale.ROOT, " levels=%.0f/%.0f", blackLevel, whiteLevel));
        if (inverted) {
            text.append(String.format(java.util.Locale.ROOT, " inverted contrast=%.2f", moduleContrast));
        }
        if (glareAmplitude > 0) {
            text.append(String.format(java.util.Locale.ROOT, " glare=%.0f r=%.2f", glareAmplitude, glareRadius));
        }
        if (moireAmplitude > 0) {
            text.append(String.format(java.util.Locale.ROOT, " moire=%.2f p=%.1f", moireAmplitude, moirePeriod));
        }
        if (jpegQuality > 0) {
            text.append(" jpeg=").append(jpegQuality);
        }
        return text.toString();
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Starts from a photo's baseline and overrides what one distortion family changes. */
    static final class Builder {
        double rotationDeg, tiltDeg, tiltAxisDeg, cameraDistance, offsetX, offsetY, subPixelX, subPixelY;
        double whiteLevel, blackLevel;
        boolean inverted;
        double moduleContrast, blurSigma, glareAmplitude, glareRadius, glareX, glareY;
        double moireAmplitude, moirePeriod, moireAngleDeg, noiseSigma;
        int jpegQuality;

        private Builder(ShotParameters p) {
            rotationDeg = p.rotationDeg; tiltDeg = p.tiltDeg; tiltAxisDeg = p.tiltAxisDeg;
            cameraDistance = p.cameraDistance; offsetX = p.offsetX; offsetY = p.offsetY;
            subPixelX = p.subPixelX; subPixelY = p.subPixelY; whiteLevel = p.whiteLevel; blackLevel = p.blackLevel;
            inverted = p.inverted; moduleContrast = p.moduleContrast; blurSigma = p.blurSigma;
            glareAmplitude = p.glareAmplitude; glareRadius = p.glareRadius; glareX = p.glareX; glareY = p.glareY;
            moireAmplitude = p.moireAmplitude; moirePeriod = p.moirePeriod; moireAngleDeg = p.moireAngleDeg;
            noiseSigma = p.noiseSigma; jpegQuality = p.jpegQuality;
        }

        ShotParameters build() {
            return new ShotParameters(rotationDeg, tiltDeg, tiltAxisDeg, cameraDistance, offsetX, offsetY,
                    subPixelX, subPixelY, whiteLevel, blackLevel, inverted, moduleContrast, blurSigma,
                    glareAmplitude, glareRadius, glareX, glareY, moireAmplitude, moirePeriod, moireAngleDeg,
                    noiseSigma, jpegQuality);
        }
    }
}
