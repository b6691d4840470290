package org.vitaleterminal.sim.cose;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/** Ways to spoil a signature, for {@link CoseSign1Builder#changeSignature}. */
public final class SignatureTweaks {
    private SignatureTweaks() {
    }

    /** The first {@code length} bytes (e.g. 63). */
    public static UnaryOperator<byte[]> truncate(int length) {
        return signature -> Arrays.copyOf(signature, Math.min(length, signature.length));
    }

    /** One zero byte appended: 65 bytes for ES256 and Ed25519. */
    public static UnaryOperator<byte[]> appendZeroByte() {
        return signature -> Arrays.copyOf(signature, signature.length + 1);
    }

    /** The right length, all zeros (r = s = 0 for ECDSA). */
    public static UnaryOperator<byte[]> zeros() {
        return signature -> new byte[signature.length];
    }

    /** One bit flipped in byte {@code index}. */
    public static UnaryOperator<byte[]> flipBit(int index) {
        return signature -> {
            byte[] changed = signature.clone();
            changed[index] ^= 0x01;
            return changed;
        };
    }
}
