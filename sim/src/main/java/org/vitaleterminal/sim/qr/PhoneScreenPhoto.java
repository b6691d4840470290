package org.vitaleterminal.sim.qr;

import java.util.Objects;

/**
 * One synthetic camera photo of a phone showing a QR code, with what was used to make it.
 *
 * @param symbol        the QR symbol on the screen (its text is the ground truth)
 * @param pxPerModule   camera pixels per module at the symbol's centre, before tilt
 * @param distortion    the family applied on top of the camera baseline
 * @param strength      how hard
 * @param parameters    every number drawn for this photo
 * @param image         the camera's grey frame
 */
public record PhoneScreenPhoto(QrSymbol symbol, double pxPerModule, Distortion distortion, Strength strength,
        ShotParameters parameters, GreyImage image) {
    public PhoneScreenPhoto {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(distortion, "distortion");
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(image, "image");
    }

    /** The text a correct reader returns. */
    public String expectedText() {
        return symbol.text();
    }
}
