package org.vitaleterminal.sim.issuer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.cbor.CborValue;
import org.vitaleterminal.sim.data.InsuredSpec;
import org.vitaleterminal.sim.keys.SimKeyPair;

/**
 * Builds the credential-claims map (spec §2.3) that an issuer signs. {@link #toMap()} returns an
 * editable map, so that a test can remove a claim, change a type or add a float, then sign it
 * with {@link Issuer#signCredential}.
 */
public final class CredentialClaims {
    public static final long ISS = 1;
    public static final long EXP = 4;
    public static final long NBF = 5;
    public static final long IAT = 6;
    public static final long CTI = 7;
    public static final long CNF = 8;
    /** Inside cnf: the COSE_Key (RFC 8747). */
    public static final long CNF_COSE_KEY = 1;
    public static final long VITALE_DATA = -70001;

    /** Keys inside vitale-data. */
    public static final long DATA_VERSION = 1;
    public static final long DATA_INSURED = 2;
    public static final long DATA_DIGESTS = 3;
    public static final long DATA_DELEGATION = 4;
    public static final long DATA_DEMO = 5;

    private String issuer;
    private Instant issuedAt;
    private Instant notBefore;
    private Instant expiresAt;
    private byte[] cti;
    private CborValue deviceCoseKey;
    private InsuredSpec insured;
    private final List<byte[]> digests = new ArrayList<>();
    private Delegation delegation;
    private boolean demo;
    private long dataVersion = 1;

    public static CredentialClaims builder() {
        return new CredentialClaims();
    }

    public CredentialClaims issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public CredentialClaims issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return this;
    }

    public CredentialClaims notBefore(Instant notBefore) {
        this.notBefore = notBefore;
        return this;
    }

    public CredentialClaims expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public CredentialClaims cti(byte[] cti) {
        this.cti = cti.clone();
        return this;
    }

    public CredentialClaims deviceKey(SimKeyPair deviceKey) {
        return deviceCoseKey(deviceKey.coseKey());
    }

    /** Any item as the cnf COSE_Key (e.g. an OKP key, or a map missing -3). */
    public CredentialClaims deviceCoseKey(CborValue coseKey) {
        this.deviceCoseKey = coseKey;
        return this;
    }

    public CredentialClaims insured(InsuredSpec insured) {
        this.insured = insured;
        return this;
    }

    /** Appends one beneficiary digest (normally 32 bytes). */
    public CredentialClaims digest(byte[] digest) {
        digests.add(digest.clone());
        return this;
    }

    public CredentialClaims digests(List<byte[]> digests) {
        digests.forEach(this::digest);
        return this;
    }

    public CredentialClaims delegation(Delegation delegation) {
        this.delegation = delegation;
        return this;
    }

    public CredentialClaims demo(boolean demo) {
        this.demo = demo;
        return this;
    }

    /** vitale-data key 1; VT1 version 1 is the default. */
    public CredentialClaims dataVersion(long dataVersion) {
        this.dataVersion = dataVersion;
        return this;
    }

    /** The claims, keys in CDDL order; optional vitale-data keys 4 and 5 only when set. */
    public CborMapBuilder toMap() {
        Objects.requireNonNull(issuer, "iss not set");
        Objects.requireNonNull(issuedAt, "iat not set");
        Objects.requireNonNull(expiresAt, "exp not set");
        Objects.requireNonNull(cti, "cti not set");
        Objects.requireNonNull(deviceCoseKey, "device key not set");
        Objects.requireNonNull(insured, "insured not set");
        CborMapBuilder vitaleData = Cbor.map()
                .put(DATA_VERSION, Cbor.integer(dataVersion))
                .put(DATA_INSURED, insured.toCbor())
                .put(DATA_DIGESTS, Cbor.array(digests.stream().map(Cbor::bytes).toList()));
        if (delegation != null) {
            vitaleData.put(DATA_DELEGATION, delegation.toCbor());
        }
        if (demo) {
            vitaleData.put(DATA_DEMO, Cbor.bool(true));
        }
        return Cbor.map()
                .put(ISS, Cbor.text(issuer))
                .put(EXP, Cbor.integer(expiresAt.getEpochSecond()))
                .put(NBF, Cbor.integer((notBefore != null ? notBefore : issuedAt).getEpochSecond()))
                .put(IAT, Cbor.integer(issuedAt.getEpochSecond()))
                .put(CTI, Cbor.bytes(cti))
                .put(CNF, Cbor.map().put(CNF_COSE_KEY, Cbor.copyOf(deviceCoseKey)))
                .put(VITALE_DATA, vitaleData);
    }
}
