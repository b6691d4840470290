package org.vitaleterminal.sim.cose;

import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;

/** The COSE header maps VT1 uses (RFC 9052 §3.1 labels). Each call returns a fresh map. */
public final class CoseHeaders {
    public static final long ALG = 1;
    public static final long KID = 4;

    private CoseHeaders() {
    }

    /** {@code {1: alg}}: the presentation's protected header (with alg -7). */
    public static CborMapBuilder alg(int alg) {
        return Cbor.map().put(ALG, Cbor.integer(alg));
    }

    /** {@code {1: alg, 4: kid}}: the protected header of credentials and trust lists. */
    public static CborMapBuilder algAndKid(int alg, byte[] kid) {
        return alg(alg).put(KID, Cbor.bytes(kid));
    }
}
