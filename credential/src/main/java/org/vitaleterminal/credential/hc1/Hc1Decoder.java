package org.vitaleterminal.credential.hc1;

import java.util.Set;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.credential.codec.Base45;
import org.vitaleterminal.credential.codec.BoundedInflater;
import org.vitaleterminal.credential.cose.CoseSign1;

/**
 * The transport layers of an HC1 text: {@code "HC1:"} + Base45 + zlib + CBOR + COSE_Sign1 (spec
 * §6, HCERT §3). Only shapes are checked here; nothing is trusted yet.
 */
final class Hc1Decoder {
    static final String PREFIX = "HC1:";
    /** Spec §4 step 1. */
    static final int MAX_TEXT_CHARS = 4096;
    /** Spec §4 step 1; the largest COSE in dgc-testdata is 870 bytes. */
    static final int MAX_INFLATED_BYTES = 8192;

    /**
     * The outer message: tag 18, and tag 61 (CWT) only because HCERT issuers wrap the COSE in it
     * (dgc-testdata CO28). {@link CoseSign1#parse} accepts them only at the top, in that order;
     * anywhere else they fail the header and type checks.
     */
    static final CborProfile MESSAGE = new CborProfile(8, Set.of((long) CoseSign1.CWT_TAG, (long) CoseSign1.TAG));
    /** The protected header: a flat map of scalars, no tags at all. */
    static final CborProfile HEADER = new CborProfile(8, Set.of());
    /**
     * The CWT claims and the DCC. Floats are refused (the decoder refuses them everywhere): HCERT
     * issuer rules want integer {@code iat}/{@code exp}, and the DCC schema has no number that is
     * not an integer. In dgc-testdata every float is an {@code iat}/{@code exp} (ES 201–203,
     * 401–403, 501–503, 701–703, 1001–1003, 1101–1103, 1501–1503, HU 1–4); the README counts
     * only those whose time check is tested (ES 701–703, 1501–1503) as defects.
     * Tag 0 (RFC 3339 date-time text) is allowed because Sweden wraps the test entry's
     * {@code sc}/{@code dr} in it (dgc-testdata SE 2 and 4, valid); it only labels a text
     * string and nothing here interprets it. No other tag is needed by any issuer in the data.
     */
    static final CborProfile PAYLOAD = new CborProfile(8, Set.of(0L));

    private Hc1Decoder() {}

    /** Prefix, Base45, zlib, CBOR and the COSE_Sign1 shape, in that order. */
    static CoseSign1 decode(String text) throws Rejection {
        if (!text.startsWith(PREFIX)) {
            throw new Rejection(Reason.FORMAT, "hc1: prefix is not HC1:");
        }
        byte[] compressed = Base45.decode(text, PREFIX.length());
        byte[] message = BoundedInflater.inflate(compressed, MAX_INFLATED_BYTES);
        return CoseSign1.parse(CborDecoder.decode(message, MESSAGE), CoseSign1.Tagging.LENIENT_HCERT, HEADER);
    }
}
