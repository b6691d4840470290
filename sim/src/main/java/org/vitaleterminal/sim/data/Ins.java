package org.vitaleterminal.sim.data;

import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborArray;

/**
 * Identité nationale de santé (domain notes §2.6): matricule (15 characters, NIR or NIA with
 * key) and the OID of its kind. Sample people use the test OIDs, since they are not real.
 */
public record Ins(String matricule, String oid) {
    public static final String OID_INS_NIR = "1.2.250.1.213.1.4.8";
    public static final String OID_INS_NIA = "1.2.250.1.213.1.4.9";
    public static final String OID_INS_NIR_TEST = "1.2.250.1.213.1.4.10";
    public static final String OID_INS_NIA_TEST = "1.2.250.1.213.1.4.11";

    public Ins {
        Objects.requireNonNull(matricule, "matricule");
        Objects.requireNonNull(oid, "oid");
    }

    /** A test INS-NIR for a certified NIR. */
    public static Ins testNir(CertifiedNir nir) {
        return new Ins(nir.fifteenCharacters(), OID_INS_NIR_TEST);
    }

    public CborArray toCbor() {
        return Cbor.array(Cbor.text(matricule), Cbor.text(oid));
    }
}
