package org.vitaleterminal.credential.hc1;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborArray;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborFields;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborMap;
import org.vitaleterminal.credential.cbor.CborNull;

/**
 * The CWT claims of a verified HC1 payload (HCERT §3.3): {@code iss} (1, optional),
 * {@code iat} (6), {@code exp} (4), and {@code hcert} (-260) → {@code eu_dgc_v1} (1).
 *
 * <p>Other claims and other keys of the hcert map are ignored: they are signed, and HCERT lets
 * issuers add claims. The DCC itself is checked only as far as the verifier needs it — which
 * entry types it holds — and is otherwise handed to the caller as is.
 */
record HcertClaims(String issuer, long issuedAt, long expiresAt, Set<HcertEntryType> entryTypes, CborMap dcc) {
    private static final long ISS = 1;
    private static final long EXP = 4;
    private static final long IAT = 6;
    private static final long HCERT = -260;
    private static final long EU_DGC_V1 = 1;
    /** 9999-12-31T23:59:59Z: far beyond any certificate, and inside {@link Instant}'s range. */
    private static final long LATEST_SECOND = 253_402_300_799L;

    static HcertClaims parse(byte[] payload) throws Rejection {
        CborFields claims = CborFields.of(CborDecoder.decode(payload, Hc1Decoder.PAYLOAD), Reason.FORMAT,
                "hc1 claims");
        String issuer = claims.optionalText(ISS);
        long issuedAt = time(claims, IAT);
        long expiresAt = time(claims, EXP);
        CborMap dcc = claims.fields(HCERT, "hc1 hcert claim").fields(EU_DGC_V1, "eu_dgc_v1").map();
        return new HcertClaims(issuer, issuedAt, expiresAt, entryTypes(dcc), dcc);
    }

    /** Integer seconds (floats never get past the decoder) inside the range an Instant holds. */
    private static long time(CborFields claims, long key) throws Rejection {
        return claims.integer(key, 0, LATEST_SECOND);
    }

    /**
     * The types whose array is present and non-empty; each entry must be a map. A list that is
     * null counts as absent; a DCC without any entry proves nothing and is refused.
     */
    private static Set<HcertEntryType> entryTypes(CborMap dcc) throws Rejection {
        EnumSet<HcertEntryType> types = EnumSet.noneOf(HcertEntryType.class);
        for (HcertEntryType type : HcertEntryType.values()) {
            CborItem entries = dcc.get(type.dccKey());
            if (entries == null || entries instanceof CborNull) {
                continue; // Bulgaria writes the absent lists as null (BG 1 and 2, valid)
            }
            if (!(entries instanceof CborArray array)) {
                throw new Rejection(Reason.FORMAT, "eu_dgc_v1: entry list is not an array");
            }
            for (CborItem entry : array.items()) {
                if (!(entry instanceof CborMap)) {
                    throw new Rejection(Reason.FORMAT, "eu_dgc_v1: entry is not a map");
                }
            }
            if (array.size() > 0) {
                types.add(type);
            }
        }
        if (types.isEmpty()) {
            throw new Rejection(Reason.FORMAT, "eu_dgc_v1: no vaccination, test or recovery entry");
        }
        return Collections.unmodifiableSet(types);
    }

    Instant issuedAtInstant() {
        return Instant.ofEpochSecond(issuedAt);
    }

    Instant expiresAtInstant() {
        return Instant.ofEpochSecond(expiresAt);
    }
}
