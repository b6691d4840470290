package org.vitaleterminal.credential.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** SHA-256, the one hash the formats use (digests of disclosures, key ids). */
public final class Digests {
    private Digests() {}

    public static byte[] sha256(byte[] data) {
        return sha256(data, 0, data.length);
    }

    public static byte[] sha256(byte[] data, int offset, int length) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, offset, length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
