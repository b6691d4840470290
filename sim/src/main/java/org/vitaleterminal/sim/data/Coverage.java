package org.vitaleterminal.sim.data;

import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;

/**
 * An exonération period (domain notes §2.7, SESAM-Vitale group 106): a coverage code such as
 * "ALD", an optional code situation ({@code null} = absent) and the period.
 */
public record Coverage(String code, String situation, DatePeriod period) {
    public static final long CODE = 1;
    public static final long SITUATION = 2;
    public static final long PERIOD = 3;

    public Coverage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(period, "period");
    }

    public CborMapBuilder toCbor() {
        CborMapBuilder map = Cbor.map().put(CODE, Cbor.text(code));
        if (situation != null) {
            map.put(SITUATION, Cbor.text(situation));
        }
        return map.put(PERIOD, period.toCbor());
    }
}
