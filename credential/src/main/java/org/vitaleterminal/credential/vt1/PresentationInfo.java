package org.vitaleterminal.credential.vt1;

import java.time.Instant;
import java.util.HexFormat;

/** When the holder's wallet signed the presentation, and over which 16-byte nonce. */
public record PresentationInfo(Instant at, byte[] nonce) {
    public PresentationInfo {
        nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    public String nonceHex() {
        return HexFormat.of().formatHex(nonce);
    }

    @Override
    public String toString() {
        return "PresentationInfo[at=" + at + ", nonce=" + nonceHex() + "]";
    }
}
