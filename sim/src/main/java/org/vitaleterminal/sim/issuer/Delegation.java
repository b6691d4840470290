package org.vitaleterminal.sim.issuer;

import java.time.Instant;
import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;

/**
 * A credential issued to a delegate (a trusted person, for at most 30 days in the real
 * scheme): the delegate's display name and the end of the delegation. CDDL {@code delegation}.
 */
public record Delegation(String delegateName, Instant until) {
    public static final long NAME = 1;
    public static final long UNTIL = 2;

    public Delegation {
        Objects.requireNonNull(delegateName, "delegateName");
        Objects.requireNonNull(until, "until");
    }

    public CborMapBuilder toCbor() {
        return Cbor.map().put(NAME, Cbor.text(delegateName)).put(UNTIL, Cbor.integer(until.getEpochSecond()));
    }
}
