package org.vitaleterminal.credential.vt1;

import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.codec.Base45;
import org.vitaleterminal.credential.codec.BoundedInflater;

/**
 * The QR/wedge text of a presentation: {@code "VT1:" + Base45(zlib(presentation-bytes))}
 * (spec §2.1), with the size limits of §4 step 1.
 */
public final class Vt1Text {
    public static final String PREFIX = "VT1:";
    public static final int MAX_TEXT_CHARS = 4096;
    public static final int MAX_PRESENTATION_BYTES = 4096;
    public static final int MAX_INFLATED_BYTES = 8192;

    private Vt1Text() {}

    /** The presentation bytes carried by {@code text}. */
    public static byte[] presentationBytes(String text) throws Rejection {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new Rejection(Reason.TOO_LARGE, "QR text longer than 4096 characters");
        }
        if (!text.startsWith(PREFIX)) {
            throw new Rejection(Reason.FORMAT, "prefix is not VT1:");
        }
        byte[] inflated = BoundedInflater.inflate(Base45.decode(text, PREFIX.length()), MAX_INFLATED_BYTES);
        if (inflated.length > MAX_PRESENTATION_BYTES) {
            throw new Rejection(Reason.TOO_LARGE, "presentation larger than 4096 bytes");
        }
        return inflated;
    }
}
