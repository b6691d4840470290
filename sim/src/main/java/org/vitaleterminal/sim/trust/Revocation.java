package org.vitaleterminal.sim.trust;

import java.time.Instant;
import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborArray;

/**
 * A revoked credential id and the time after which the list may drop the entry (normally the
 * credential's exp, when it would be refused anyway). CDDL {@code [bstr .size 16, int]}.
 */
public final class Revocation {
    private final byte[] cti;
    private final Instant dropAfter;

    public Revocation(byte[] cti, Instant dropAfter) {
        this.cti = cti.clone();
        this.dropAfter = Objects.requireNonNull(dropAfter, "dropAfter");
    }

    public byte[] cti() {
        return cti.clone();
    }

    public Instant dropAfter() {
        return dropAfter;
    }

    public CborArray toCbor() {
        return Cbor.array(Cbor.bytes(cti), Cbor.integer(dropAfter.getEpochSecond()));
    }
}
