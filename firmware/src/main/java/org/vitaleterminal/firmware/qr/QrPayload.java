package org.vitaleterminal.firmware.qr;

import java.util.Objects;

/**
 * A new VT1 or HC1 text from the camera, on its way to verification. {@link #toString()} leaves
 * the text out (it carries personal data).
 *
 * @param kind          {@link PayloadKind#VT1} or {@link PayloadKind#HC1}
 * @param text          the exact decoded text
 * @param frameSequence the frame it was decoded from
 * @param capturedNanos that frame's capture time
 */
public record QrPayload(PayloadKind kind, String text, long frameSequence, long capturedNanos) {
    public QrPayload {
        Objects.requireNonNull(text, "text");
        if (!kind.isCredential()) {
            throw new IllegalArgumentException(kind + " is not verified");
        }
    }

    @Override
    public String toString() {
        return "QrPayload[" + kind + ", " + text.length() + " chars, frame " + frameSequence + "]";
    }
}
