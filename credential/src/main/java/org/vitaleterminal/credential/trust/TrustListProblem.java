package org.vitaleterminal.credential.trust;

/** Why a trust list was refused. A refused list never replaces the one in use. */
public enum TrustListProblem {
    /** Not a well-formed trust list (size, CBOR, COSE, claims, key records). */
    MALFORMED,
    /** Signed by a key that is not one of the pinned trust roots. */
    UNKNOWN_ROOT,
    /** An algorithm other than ES256/EdDSA, or one that does not match the root or key. */
    UNSUPPORTED_ALG,
    /** The signature does not verify with the pinned root. */
    BAD_SIGNATURE,
    /** Two issuer key records share a kid. */
    DUPLICATE_KID,
    /** The version is not above the highest version already accepted. */
    ROLLBACK,
    /** Already past its exp plus the grace period: it could not be used. */
    STALE
}
