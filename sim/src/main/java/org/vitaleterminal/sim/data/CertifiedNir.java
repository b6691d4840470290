package org.vitaleterminal.sim.data;

import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborArray;

/** A NIR with its key: a beneficiary's own certified NIR, CDDL {@code [tstr .size 13, uint]}. */
public record CertifiedNir(String nir, int key) {
    public CertifiedNir {
        Objects.requireNonNull(nir, "nir");
    }

    /** With the correct key computed. */
    public static CertifiedNir of(String nir) {
        return new CertifiedNir(nir, NirKey.compute(nir));
    }

    /** The 15-character form (NIR + 2-digit key), which is also the INS matricule. */
    public String fifteenCharacters() {
        return nir + String.format("%02d", key);
    }

    public CborArray toCbor() {
        return Cbor.array(Cbor.text(nir), Cbor.integer(key));
    }
}
