package org.vitaleterminal.sim.data;

import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;

/**
 * The ouvrant droit of a credential (CDDL {@code insured}): NIR (13 characters), NIR key,
 * organisme. The key is not checked here, so that a test can issue a wrong one.
 */
public record InsuredSpec(String nir, int nirKey, Organisme organisme) {
    public static final long NIR = 1;
    public static final long NIR_KEY = 2;
    public static final long ORGANISME = 3;

    public InsuredSpec {
        Objects.requireNonNull(nir, "nir");
        Objects.requireNonNull(organisme, "organisme");
    }

    /** With the correct key computed from the NIR. */
    public static InsuredSpec of(String nir, Organisme organisme) {
        return new InsuredSpec(nir, NirKey.compute(nir), organisme);
    }

    public CertifiedNir certifiedNir() {
        return new CertifiedNir(nir, nirKey);
    }

    public CborMapBuilder toCbor() {
        return Cbor.map()
                .put(NIR, Cbor.text(nir))
                .put(NIR_KEY, Cbor.integer(nirKey))
                .put(ORGANISME, organisme.toCbor());
    }
}
