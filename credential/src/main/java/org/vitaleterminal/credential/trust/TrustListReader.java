package org.vitaleterminal.credential.trust;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborArray;
import org.vitaleterminal.credential.cbor.CborBytes;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborFields;
import org.vitaleterminal.credential.cbor.CborInteger;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborMap;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.credential.cose.CoseSign1;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.crypto.Kid;
import org.vitaleterminal.credential.crypto.PublicKeys;
import org.vitaleterminal.credential.crypto.VerificationKey;
import org.vitaleterminal.credential.Reason;

/**
 * Reads and verifies a signed trust list (spec §3) against the pinned roots. The payload is
 * decoded only after the root's signature over it has verified.
 */
public final class TrustListReader {
    /** 100,000 revocations take about 2.3 MB; this leaves room without inviting abuse. */
    public static final int MAX_SIZE = 16 * 1024 * 1024;
    private static final byte[] EXTERNAL_AAD = "VT1/trust-list".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final long AUTHORITY = 1;
    private static final long EXP = 4;
    private static final long IAT = 6;
    private static final long VERSION = -70010;
    private static final long ISSUER_KEYS = -70011;
    private static final long REVOKED = -70012;

    private static final long KEY_KID = 1;
    private static final long KEY_ISSUER = 2;
    private static final long KEY_ALG = 3;
    private static final long KEY_COSE = 4;
    private static final long KEY_VALID_FROM = 5;
    private static final long KEY_VALID_UNTIL = 6;
    private static final long KEY_DEMO = 7;

    private TrustListReader() {}

    /**
     * Verifies {@code bytes} against {@code roots} and decodes it.
     *
     * @throws TrustListException when the list must not be used, with the problem found
     */
    public static TrustList read(byte[] bytes, Collection<TrustRoot> roots) throws TrustListException {
        if (bytes.length > MAX_SIZE) {
            throw new TrustListException(TrustListProblem.MALFORMED, "trust list larger than 16 MiB");
        }
        CoseSign1 cose;
        try {
            cose = CoseSign1.parse(CborDecoder.decode(bytes, CborProfile.VT1_COSE),
                    CoseSign1.Tagging.TAG_18_REQUIRED, CborProfile.VT1_PAYLOAD);
        } catch (Rejection e) {
            throw malformed(e.detail());
        }
        TrustRoot root = checkHeaders(cose, roots);
        if (!root.key().verify(cose.toBeSigned(EXTERNAL_AAD), cose.signature())) {
            throw new TrustListException(TrustListProblem.BAD_SIGNATURE, "trust list signature does not verify with the pinned root");
        }
        try {
            return decodeClaims(cose.payload(), root.kid(), bytes);
        } catch (Rejection e) {
            throw malformed(e.detail());
        }
    }

    private static TrustRoot checkHeaders(CoseSign1 cose, Collection<TrustRoot> roots) throws TrustListException {
        CborMap header = cose.protectedHeader();
        if (header.size() != 2 || !(header.get(CoseSign1.HEADER_ALG) instanceof CborInteger alg)
                || !(header.get(CoseSign1.HEADER_KID) instanceof CborBytes kidBytes) || kidBytes.length() != Kid.LENGTH) {
            throw malformed("trust list protected header must be exactly {1: alg, 4: 8-byte kid}");
        }
        if (cose.unprotected().size() != 0) {
            throw malformed("trust list unprotected header must be empty");
        }
        CoseAlgorithm algorithm = CoseAlgorithm.fromCose(alg.value())
                .filter(a -> a != CoseAlgorithm.PS256)
                .orElseThrow(() -> new TrustListException(TrustListProblem.UNSUPPORTED_ALG, "trust list alg must be ES256 or EdDSA"));
        Kid kid = Kid.of(kidBytes.value());
        TrustRoot root = roots.stream().filter(r -> r.kid().equals(kid)).findFirst()
                .orElseThrow(() -> new TrustListException(TrustListProblem.UNKNOWN_ROOT, "trust list signed by a key that is not a pinned root"));
        if (root.key().algorithm() != algorithm) {
            throw new TrustListException(TrustListProblem.UNSUPPORTED_ALG, "trust list alg differs from the root key's");
        }
        return root;
    }

    private static TrustList decodeClaims(byte[] payload, Kid signedBy, byte[] encoded)
            throws Rejection, TrustListException {
        CborFields claims = CborFields.of(CborDecoder.decode(payload, CborProfile.VT1_PAYLOAD), Reason.FORMAT, "trust list")
                .onlyKeys(AUTHORITY, IAT, EXP, VERSION, ISSUER_KEYS, REVOKED);
        String authority = claims.text(AUTHORITY);
        Instant issuedAt = Instant.ofEpochSecond(claims.time(IAT));
        Instant expiresAt = Instant.ofEpochSecond(claims.time(EXP));
        long version = claims.integer(VERSION, 0, Long.MAX_VALUE);

        CborArray keyRecords = claims.array(ISSUER_KEYS);
        Map<Kid, IssuerKey> keys = new HashMap<>(Math.max(16, keyRecords.size() * 2));
        for (CborItem record : keyRecords.items()) {
            IssuerKey key = issuerKey(record);
            if (keys.putIfAbsent(key.kid(), key) != null) {
                throw new TrustListException(TrustListProblem.DUPLICATE_KID, "two issuer keys share the kid " + key.kid());
            }
        }

        CborArray revoked = claims.array(REVOKED);
        RevocationList.Builder revocations = new RevocationList.Builder(revoked.size());
        for (CborItem entry : revoked.items()) {
            if (!(entry instanceof CborArray pair) || pair.size() != 2
                    || !(pair.get(0) instanceof CborBytes cti) || cti.length() != 16
                    || !(pair.get(1) instanceof CborInteger)) {
                throw new Rejection(Reason.FORMAT, "trust list: revocation entries must be [16-byte cti, int]");
            }
            revocations.add(cti.value());
        }
        return new TrustList(authority, issuedAt, expiresAt, version, signedBy, keys, revocations.build(), encoded);
    }

    private static IssuerKey issuerKey(CborItem item) throws Rejection {
        CborFields record = CborFields.of(item, Reason.FORMAT, "issuer key")
                .onlyKeys(KEY_KID, KEY_ISSUER, KEY_ALG, KEY_COSE, KEY_VALID_FROM, KEY_VALID_UNTIL, KEY_DEMO);
        Kid kid = Kid.of(record.bytes(KEY_KID, Kid.LENGTH));
        String issuer = record.text(KEY_ISSUER);
        CoseAlgorithm algorithm = CoseAlgorithm.fromCose(record.integer(KEY_ALG))
                .filter(a -> a != CoseAlgorithm.PS256)
                .orElseThrow(() -> record.fail("alg must be ES256 or EdDSA"));
        VerificationKey key = PublicKeys.fromCoseKey(record.required(KEY_COSE), Reason.FORMAT);
        if (key.algorithm() != algorithm) {
            throw record.fail("key type does not match alg");
        }
        Instant validFrom = Instant.ofEpochSecond(record.time(KEY_VALID_FROM));
        Instant validUntil = Instant.ofEpochSecond(record.time(KEY_VALID_UNTIL));
        if (validUntil.isBefore(validFrom)) {
            throw record.fail("validity ends before it starts");
        }
        return new IssuerKey(kid, issuer, algorithm, key, validFrom, validUntil, record.trueFlag(KEY_DEMO));
    }

    private static TrustListException malformed(String detail) {
        return new TrustListException(TrustListProblem.MALFORMED, detail);
    }
}
