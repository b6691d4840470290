package org.vitaleterminal.sim.keys;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** SHA-256, the one digest VT1 uses (signatures, kids, disclosure digests). */
public final class Sha256 {
    private Sha256() {
    }

    public static byte[] digest(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
