package org.vitaleterminal.sim.issuer;

import java.time.Instant;
import java.util.List;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.data.BeneficiarySpec;
import org.vitaleterminal.sim.data.InsuredSpec;
import org.vitaleterminal.sim.keys.SimKeyPair;

/**
 * A credential as the wallet receives it: the signed credential bytes, the holder's device key
 * and one disclosure per beneficiary (index i = the request's beneficiary i), with what went in.
 */
public final class MintedCredential {
    private final byte[] credential;
    private final CborMapBuilder claims;
    private final byte[] cti;
    private final byte[] issuerKid;
    private final SimKeyPair deviceKey;
    private final List<Disclosure> disclosures;
    private final CredentialRequest request;

    MintedCredential(byte[] credential, CborMapBuilder claims, byte[] cti, byte[] issuerKid, SimKeyPair deviceKey,
            List<Disclosure> disclosures, CredentialRequest request) {
        this.credential = credential.clone();
        this.claims = claims.copy();
        this.cti = cti.clone();
        this.issuerKid = issuerKid.clone();
        this.deviceKey = deviceKey;
        this.disclosures = List.copyOf(disclosures);
        this.request = request;
    }

    /** The tagged COSE_Sign1 bytes the issuer signed (presentation claim 1 carries them exactly). */
    public byte[] credential() {
        return credential.clone();
    }

    /** The claims that were signed, as an editable copy (to re-sign a tampered variant). */
    public CborMapBuilder claims() {
        return claims.copy();
    }

    public byte[] cti() {
        return cti.clone();
    }

    public byte[] issuerKid() {
        return issuerKid.clone();
    }

    /** The holder's device key, whose public half is the credential's cnf. */
    public SimKeyPair deviceKey() {
        return deviceKey;
    }

    /** The disclosure bytes, index = beneficiary index. */
    public List<byte[]> disclosures() {
        return disclosures.stream().map(Disclosure::bytes).toList();
    }

    public byte[] disclosure(int beneficiaryIndex) {
        return disclosures.get(beneficiaryIndex).bytes();
    }

    /** SHA-256 of beneficiary {@code beneficiaryIndex}'s disclosure, as listed in the credential. */
    public byte[] digest(int beneficiaryIndex) {
        return disclosures.get(beneficiaryIndex).digest();
    }

    public InsuredSpec insured() {
        return request.insured();
    }

    public List<BeneficiarySpec> beneficiaries() {
        return request.beneficiaries();
    }

    public BeneficiarySpec beneficiary(int index) {
        return request.beneficiaries().get(index);
    }

    public Instant issuedAt() {
        return request.issuedAt();
    }

    public Instant notBefore() {
        return request.notBefore();
    }

    public Instant expiresAt() {
        return request.expiresAt();
    }

    public boolean demo() {
        return request.demo();
    }

    /**
     * The same holder, device key and disclosures with other credential bytes, e.g. claims
     * re-signed after a test edited them. {@link #claims()} and the times still describe the
     * original credential.
     */
    public MintedCredential withCredential(byte[] otherCredential) {
        return new MintedCredential(otherCredential, claims, cti, issuerKid, deviceKey, disclosures, request);
    }
}
