package org.vitaleterminal.sim.data;

import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;

/**
 * The insured's organisme d'affiliation (domain notes §2.5): code régime (2), caisse
 * gestionnaire (3), centre gestionnaire (4), optional code gestion (2; {@code null} = absent).
 */
public record Organisme(String regime, String caisse, String centre, String gestion) {
    public static final long REGIME = 1;
    public static final long CAISSE = 2;
    public static final long CENTRE = 3;
    public static final long GESTION = 4;

    public Organisme {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(caisse, "caisse");
        Objects.requireNonNull(centre, "centre");
    }

    public static Organisme of(String regime, String caisse, String centre) {
        return new Organisme(regime, caisse, centre, null);
    }

    public Organisme withGestion(String gestion) {
        return new Organisme(regime, caisse, centre, gestion);
    }

    public CborMapBuilder toCbor() {
        CborMapBuilder map = Cbor.map()
                .put(REGIME, Cbor.text(regime))
                .put(CAISSE, Cbor.text(caisse))
                .put(CENTRE, Cbor.text(centre));
        if (gestion != null) {
            map.put(GESTION, Cbor.text(gestion));
        }
        return map;
    }
}
