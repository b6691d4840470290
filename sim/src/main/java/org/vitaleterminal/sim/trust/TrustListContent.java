package org.vitaleterminal.sim.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;

/**
 * What a trust list says (spec §3): version, iat, exp, issuer keys, revocations. Entries are
 * kept as added, duplicates included, so that a test can build a list the terminal must refuse.
 */
public final class TrustListContent {
    public static final long AUTHORITY = 1;
    public static final long IAT = 6;
    public static final long EXP = 4;
    public static final long VERSION = -70010;
    public static final long ISSUER_KEYS = -70011;
    public static final long REVOCATIONS = -70012;

    private long version = 1;
    private Instant issuedAt;
    private Instant expiresAt;
    private final List<IssuerKeyEntry> issuerKeys = new ArrayList<>();
    private final List<Revocation> revocations = new ArrayList<>();

    public static TrustListContent builder() {
        return new TrustListContent();
    }

    public TrustListContent version(long version) {
        this.version = version;
        return this;
    }

    public TrustListContent issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return this;
    }

    public TrustListContent expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public TrustListContent issuerKey(IssuerKeyEntry entry) {
        issuerKeys.add(Objects.requireNonNull(entry, "entry"));
        return this;
    }

    public TrustListContent revoke(byte[] cti, Instant dropAfter) {
        revocations.add(new Revocation(cti, dropAfter));
        return this;
    }

    public TrustListContent revoke(byte[] cti, long dropAfterEpochSeconds) {
        return revoke(cti, Instant.ofEpochSecond(dropAfterEpochSeconds));
    }

    public long version() {
        return version;
    }

    public List<IssuerKeyEntry> issuerKeys() {
        return List.copyOf(issuerKeys);
    }

    public List<Revocation> revocations() {
        return List.copyOf(revocations);
    }

    /** The trust-claims map signed by {@code authorityId}, keys in CDDL order. */
    public CborMapBuilder toClaims(String authorityId) {
        Objects.requireNonNull(issuedAt, "iat not set");
        Objects.requireNonNull(expiresAt, "exp not set");
        return Cbor.map()
                .put(AUTHORITY, Cbor.text(authorityId))
                .put(IAT, Cbor.integer(issuedAt.getEpochSecond()))
                .put(EXP, Cbor.integer(expiresAt.getEpochSecond()))
                .put(VERSION, Cbor.integer(version))
                .put(ISSUER_KEYS, Cbor.array(issuerKeys.stream().map(IssuerKeyEntry::toCbor).toList()))
                .put(REVOCATIONS, Cbor.array(revocations.stream().map(Revocation::toCbor).toList()));
    }
}
