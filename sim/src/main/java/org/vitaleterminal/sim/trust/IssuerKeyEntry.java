package org.vitaleterminal.sim.trust;

import java.time.Instant;
import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.cbor.CborValue;
import org.vitaleterminal.sim.keys.SimKeyPair;

/**
 * One issuer key in the trust list (CDDL {@code issuer-key}): kid, the issuer id it may sign
 * for, alg, COSE_Key, validity window, demo flag. The public constructor takes every field
 * as is, so that a test can list a key under the wrong alg or kid.
 */
public final class IssuerKeyEntry {
    public static final long KID = 1;
    public static final long ISSUER = 2;
    public static final long ALG = 3;
    public static final long COSE_KEY = 4;
    public static final long VALID_FROM = 5;
    public static final long VALID_UNTIL = 6;
    public static final long DEMO = 7;

    private final byte[] kid;
    private final String issuerId;
    private final int alg;
    private final CborValue coseKey;
    private final Instant validFrom;
    private final Instant validUntil;
    private final boolean demo;

    public IssuerKeyEntry(byte[] kid, String issuerId, int alg, CborValue coseKey, Instant validFrom,
            Instant validUntil, boolean demo) {
        this.kid = kid.clone();
        this.issuerId = Objects.requireNonNull(issuerId, "issuerId");
        this.alg = alg;
        this.coseKey = Cbor.copyOf(Objects.requireNonNull(coseKey, "coseKey"));
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        this.demo = demo;
    }

    /** The entry that matches {@code key}: its kid, alg and COSE_Key. */
    public static IssuerKeyEntry of(String issuerId, SimKeyPair key, Instant validFrom, Instant validUntil,
            boolean demo) {
        return new IssuerKeyEntry(key.kid(), issuerId, key.alg(), key.coseKey(), validFrom, validUntil, demo);
    }

    public byte[] kid() {
        return kid.clone();
    }

    public String issuerId() {
        return issuerId;
    }

    public int alg() {
        return alg;
    }

    public Instant validFrom() {
        return validFrom;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public boolean demo() {
        return demo;
    }

    /** The CDDL map (a fresh one each call); key 7 only for a demo key. */
    public CborMapBuilder toCbor() {
        CborMapBuilder map = Cbor.map()
                .put(KID, Cbor.bytes(kid))
                .put(ISSUER, Cbor.text(issuerId))
                .put(ALG, Cbor.integer(alg))
                .put(COSE_KEY, Cbor.copyOf(coseKey))
                .put(VALID_FROM, Cbor.integer(validFrom.getEpochSecond()))
                .put(VALID_UNTIL, Cbor.integer(validUntil.getEpochSecond()));
        if (demo) {
            map.put(DEMO, Cbor.bool(true));
        }
        return map;
    }
}
