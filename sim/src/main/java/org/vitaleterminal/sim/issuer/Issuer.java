package org.vitaleterminal.sim.issuer;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.cose.CoseHeaders;
import org.vitaleterminal.sim.cose.CoseSign1Builder;
import org.vitaleterminal.sim.cose.Vt1ExternalAad;
import org.vitaleterminal.sim.data.BeneficiarySpec;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.trust.IssuerKeyEntry;

/**
 * An insurance scheme's credential signer (e.g. "FR-CNAM"): one key, the window in which the
 * trust list says that key may be used, and whether it is a demo key.
 */
public final class Issuer {
    public static final int CTI_LENGTH = 16;

    private final String issuerId;
    private final SimKeyPair key;
    private final Instant keyValidFrom;
    private final Instant keyValidUntil;
    private final boolean demoKey;

    public Issuer(String issuerId, SimKeyPair key, Instant keyValidFrom, Instant keyValidUntil, boolean demoKey) {
        this.issuerId = Objects.requireNonNull(issuerId, "issuerId");
        this.key = Objects.requireNonNull(key, "key");
        this.keyValidFrom = Objects.requireNonNull(keyValidFrom, "keyValidFrom");
        this.keyValidUntil = Objects.requireNonNull(keyValidUntil, "keyValidUntil");
        this.demoKey = demoKey;
    }

    public String issuerId() {
        return issuerId;
    }

    public SimKeyPair key() {
        return key;
    }

    public byte[] kid() {
        return key.kid();
    }

    public boolean demoKey() {
        return demoKey;
    }

    /** This key's record for the trust list. */
    public IssuerKeyEntry keyEntry() {
        return IssuerKeyEntry.of(issuerId, key, keyValidFrom, keyValidUntil, demoKey);
    }

    /**
     * Issues a credential. Draws from {@code random}, in this order: the device key (unless the
     * request fixes it), the cti (unless fixed), then one 16-byte salt per beneficiary in request
     * order. The digest list is sorted bytewise: digests of salted disclosures look random, so
     * sorted order says nothing about which beneficiary (assuré, child...) a digest belongs to,
     * whereas request order would.
     */
    public MintedCredential mint(CredentialRequest request, SecureRandom random) {
        SimKeyPair deviceKey = request.deviceKey() != null ? request.deviceKey() : SimKeyPair.p256(random);
        byte[] cti = request.cti();
        if (cti == null) {
            cti = new byte[CTI_LENGTH];
            random.nextBytes(cti);
        }
        List<Disclosure> disclosures = new ArrayList<>();
        for (BeneficiarySpec beneficiary : request.beneficiaries()) {
            disclosures.add(Disclosure.create(random, beneficiary));
        }
        List<byte[]> digests = new ArrayList<>(disclosures.stream().map(Disclosure::digest).toList());
        digests.sort(Arrays::compareUnsigned);

        CborMapBuilder claims = CredentialClaims.builder()
                .issuer(issuerId)
                .issuedAt(request.issuedAt())
                .notBefore(request.notBefore())
                .expiresAt(request.expiresAt())
                .cti(cti)
                .deviceKey(deviceKey)
                .insured(request.insured())
                .digests(digests)
                .delegation(request.delegation())
                .demo(request.demo())
                .toMap();
        return new MintedCredential(signCredential(claims), claims, cti, key.kid(), deviceKey, disclosures, request);
    }

    /** Signs any claims map (e.g. one a test edited) as a credential: tagged COSE_Sign1 bytes. */
    public byte[] signCredential(CborMapBuilder claims) {
        return credentialSigner(claims).sign().encode();
    }

    /**
     * A builder preset as a credential ({@code {1: alg, 4: kid}}, empty unprotected header,
     * AAD "VT1/credential", this key), for tests that spoil the envelope or the signature.
     */
    public CoseSign1Builder credentialSigner(CborMapBuilder claims) {
        return CoseSign1Builder.create()
                .protectedHeader(CoseHeaders.algAndKid(key.alg(), key.kid()))
                .payload(claims)
                .externalAad(Vt1ExternalAad.CREDENTIAL)
                .signer(key);
    }
}
