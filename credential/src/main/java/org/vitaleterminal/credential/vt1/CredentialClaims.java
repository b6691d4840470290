package org.vitaleterminal.credential.vt1;

import java.util.ArrayList;
import java.util.List;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborBytes;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborFields;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborProfile;

/**
 * The issuer-signed claims of a credential (spec §2.3 credential-claims), decoded only after
 * the issuer's signature has verified. Semantic checks (NIR key, digit-only codes) come later,
 * at step 10; here only the CDDL shape is enforced.
 */
record CredentialClaims(String issuer, long expiresAt, long notBefore, long issuedAt, byte[] credentialId,
                        CborItem holderKey, RawInsured insured, List<byte[]> beneficiaryDigests,
                        String delegate, Long delegatedUntil, boolean demo) {
    static final int MAX_BENEFICIARIES = 16;
    private static final long VITALE_DATA = -70001;
    private static final long DATA_VERSION = 1;

    /** The insured's fields as signed, before the semantic checks of step 10. */
    record RawInsured(String nir, long nirKey, String regime, String caisse, String centre, String gestion) {
        @Override
        public String toString() {
            return "RawInsured[...]";
        }
    }

    static CredentialClaims decode(byte[] payload) throws Rejection {
        CborFields claims = CborFields.of(CborDecoder.decode(payload, CborProfile.VT1_PAYLOAD), Reason.FORMAT,
                "credential claims").onlyKeys(1, 4, 5, 6, 7, 8, VITALE_DATA);
        String issuer = claims.text(1);
        long exp = claims.time(4);
        long nbf = claims.time(5);
        long iat = claims.time(6);
        byte[] cti = claims.bytes(7, 16);
        CborItem holderKey = holderKeyShape(claims.fields(8, "cnf").onlyKeys(1).fields(1, "cnf key"));

        CborFields data = claims.fields(VITALE_DATA, "vitale data").onlyKeys(1, 2, 3, 4, 5);
        if (data.integer(1) != DATA_VERSION) {
            throw data.fail("unsupported data version");
        }
        CborFields insured = data.fields(2, "insured").onlyKeys(1, 2, 3);
        CborFields organisme = insured.fields(3, "organisme").onlyKeys(1, 2, 3, 4);
        RawInsured rawInsured = new RawInsured(insured.text(1, 13), insured.integer(2, 0, Long.MAX_VALUE),
                organisme.text(1, 2), organisme.text(2, 3), organisme.text(3, 4), organisme.optionalText(4, 2));

        List<CborItem> digestItems = data.array(3).items();
        if (digestItems.isEmpty() || digestItems.size() > MAX_BENEFICIARIES) {
            throw data.fail("between 1 and 16 beneficiary digests expected");
        }
        List<byte[]> digests = new ArrayList<>(digestItems.size());
        for (CborItem item : digestItems) {
            if (!(item instanceof CborBytes digest) || digest.length() != 32) {
                throw data.fail("a beneficiary digest is not 32 bytes");
            }
            digests.add(digest.value());
        }

        String delegate = null;
        Long delegatedUntil = null;
        if (data.has(4)) {
            CborFields delegation = data.fields(4, "delegation").onlyKeys(1, 2);
            delegate = delegation.text(1);
            delegatedUntil = delegation.time(2);
        }
        return new CredentialClaims(issuer, exp, nbf, iat, cti, holderKey, rawInsured, digests, delegate,
                delegatedUntil, data.trueFlag(5));
    }

    /**
     * The CDDL's {@code cose-ec2-p256-key}: holders sign with ES256 only, so any other key type
     * or label is a malformed credential. Whether the point lies on the curve is step 6's
     * question ({@code BAD_HOLDER_SIGNATURE}).
     */
    private static CborItem holderKeyShape(CborFields key) throws Rejection {
        key.onlyKeys(1, -1, -2, -3);
        if (key.integer(1) != 2 || key.integer(-1) != 1) {
            throw key.fail("holder key is not an EC2 P-256 key");
        }
        key.bytes(-2, 32);
        key.bytes(-3, 32);
        return key.map();
    }

    @Override
    public String toString() {
        return "CredentialClaims[issuer=" + issuer + "]";
    }
}
