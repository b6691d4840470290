package org.vitaleterminal.sim.data;

import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;

/**
 * The complementary insurer (AMC, domain notes §2.7): AMC number, optional adherent number and
 * indicateur de traitement ({@code null} = absent), and the period of the rights.
 */
public record Amc(String number, String adherent, String indicateurTraitement, DatePeriod period) {
    public static final long NUMBER = 1;
    public static final long ADHERENT = 2;
    public static final long INDICATEUR_TRAITEMENT = 3;
    public static final long PERIOD = 4;

    public Amc {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(period, "period");
    }

    public CborMapBuilder toCbor() {
        CborMapBuilder map = Cbor.map().put(NUMBER, Cbor.text(number));
        if (adherent != null) {
            map.put(ADHERENT, Cbor.text(adherent));
        }
        if (indicateurTraitement != null) {
            map.put(INDICATEUR_TRAITEMENT, Cbor.text(indicateurTraitement));
        }
        return map.put(PERIOD, period.toCbor());
    }
}
