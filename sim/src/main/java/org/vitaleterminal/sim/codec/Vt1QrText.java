package org.vitaleterminal.sim.codec;

/** The text a VT1 QR code carries (spec §2.1): {@code "VT1:" + Base45(zlib(presentation))}. */
public final class Vt1QrText {
    public static final String PREFIX = "VT1:";

    private Vt1QrText() {
    }

    public static String of(byte[] presentationBytes) {
        return PREFIX + Base45Encoder.encode(Zlib.compress(presentationBytes));
    }
}
