package org.vitaleterminal.credential.trust;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.vitaleterminal.credential.crypto.Kid;

/**
 * A verified trust list: issuer keys by kid and revoked credential ids, signed by a pinned
 * root. Only {@link TrustListReader} makes one, after the signature has verified, so holding a
 * {@code TrustList} means holding trusted data.
 */
public final class TrustList {
    private final String authority;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final long version;
    private final Kid signedBy;
    private final Map<Kid, IssuerKey> keys;
    private final RevocationList revocations;
    private final byte[] encoded;

    TrustList(String authority, Instant issuedAt, Instant expiresAt, long version, Kid signedBy,
              Map<Kid, IssuerKey> keys, RevocationList revocations, byte[] encoded) {
        this.authority = authority;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
        this.version = version;
        this.signedBy = signedBy;
        this.keys = Map.copyOf(keys);
        this.revocations = revocations;
        this.encoded = encoded.clone();
    }

    public String authority() {
        return authority;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public long version() {
        return version;
    }

    /** The kid of the trust root that signed this list. */
    public Kid signedBy() {
        return signedBy;
    }

    public Optional<IssuerKey> issuerKey(Kid kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    public int issuerKeyCount() {
        return keys.size();
    }

    public boolean isRevoked(byte[] cti) {
        return revocations.contains(cti);
    }

    public int revocationCount() {
        return revocations.size();
    }

    /** Past exp plus the grace: the terminal must not verify with it any more. */
    public boolean isStale(Instant now, Duration grace) {
        return now.isAfter(expiresAt.plus(grace));
    }

    /** The exact signed bytes, for storing and for recognising a re-read of the same list. */
    public byte[] encoded() {
        return encoded.clone();
    }

    boolean hasEncoding(byte[] other) {
        return java.util.Arrays.equals(encoded, other);
    }

    @Override
    public String toString() {
        return "TrustList[authority=" + authority + ", version=" + version + ", keys=" + keys.size()
                + ", revoked=" + revocations.size() + ", expiresAt=" + expiresAt + "]";
    }
}
