package org.vitaleterminal.sim.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;
import java.util.Objects;

/**
 * The modules of a QR symbol as a wallet app would draw it: ZXing's encoder (the code behind
 * {@code QRCodeWriter}), smallest version that fits, mode chosen from the text. VT1 and HC1 texts
 * are Base45, whose alphabet is exactly QR's alphanumeric set, so they are encoded in
 * alphanumeric mode (11 bits per 2 characters) as the spec asks.
 *
 * <p>Level M is what the renderer uses: the VT1 spec allows M or Q; on a screen nothing gets
 * scratched or stained, so density matters more than damage tolerance — M gives a version 14–17
 * symbol for a 700–900 character presentation where Q needs 2–3 versions more, i.e. ~10 % smaller
 * modules at the same on-screen size. (EU DCC recommends Q for paper; phone wallets of that
 * scheme commonly show M as well.)
 *
 * @param text    the encoded text
 * @param version QR version 1–40
 * @param size    modules per side (17 + 4·version), without quiet zone
 */
public record QrSymbol(String text, ErrorCorrectionLevel level, int version, int size, boolean[] darkModules) {
    /** The level a real wallet would choose for a phone screen (see the class comment). */
    public static final ErrorCorrectionLevel WALLET_LEVEL = ErrorCorrectionLevel.M;

    public QrSymbol {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(level, "level");
        if (darkModules.length != size * size) {
            throw new IllegalArgumentException(size + "x" + size + " symbol with " + darkModules.length + " modules");
        }
        darkModules = darkModules.clone();
    }

    public static QrSymbol encode(String text) {
        return encode(text, WALLET_LEVEL);
    }

    public static QrSymbol encode(String text, ErrorCorrectionLevel level) {
        try {
            var code = Encoder.encode(text, level, Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1"));
            ByteMatrix matrix = code.getMatrix();
            int size = matrix.getWidth();
            boolean[] dark = new boolean[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    dark[y * size + x] = matrix.get(x, y) == 1;
                }
            }
            return new QrSymbol(text, level, code.getVersion().getVersionNumber(), size, dark);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text of " + text.length() + " characters does not fit a QR symbol at level "
                    + level, e);
        }
    }

    /** Whether module (x, y) is dark; outside the symbol (the quiet zone and beyond) is light. */
    public boolean isDark(int x, int y) {
        return x >= 0 && y >= 0 && x < size && y < size && darkModules[y * size + x];
    }

    @Override
    public boolean[] darkModules() {
        return darkModules.clone();
    }
}
