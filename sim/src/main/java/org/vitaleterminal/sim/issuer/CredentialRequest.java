package org.vitaleterminal.sim.issuer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vitaleterminal.sim.data.BeneficiarySpec;
import org.vitaleterminal.sim.data.Household;
import org.vitaleterminal.sim.data.InsuredSpec;
import org.vitaleterminal.sim.keys.SimKeyPair;

/**
 * What to put in a credential: who (insured and 1..16 beneficiaries), when (iat, nbf, exp),
 * and optionally the demo flag, a delegation, a fixed cti and the holder's device key. Whatever
 * is not fixed here the issuer draws from the random it is given.
 */
public final class CredentialRequest {
    public static final int MAX_BENEFICIARIES = 16;

    private final InsuredSpec insured;
    private final List<BeneficiarySpec> beneficiaries;
    private final Instant issuedAt;
    private final Instant notBefore;
    private final Instant expiresAt;
    private final boolean demo;
    private final Delegation delegation;
    private final byte[] cti;
    private final SimKeyPair deviceKey;

    private CredentialRequest(Builder builder) {
        this.insured = Objects.requireNonNull(builder.insured, "insured not set");
        this.beneficiaries = List.copyOf(builder.beneficiaries);
        if (beneficiaries.isEmpty() || beneficiaries.size() > MAX_BENEFICIARIES) {
            throw new IllegalArgumentException("a credential carries 1 to " + MAX_BENEFICIARIES
                    + " beneficiaries (use CredentialClaims for other counts)");
        }
        this.issuedAt = Objects.requireNonNull(builder.issuedAt, "iat not set");
        this.notBefore = builder.notBefore != null ? builder.notBefore : builder.issuedAt;
        this.expiresAt = Objects.requireNonNull(builder.expiresAt, "exp not set");
        this.demo = builder.demo;
        this.delegation = builder.delegation;
        this.cti = builder.cti == null ? null : builder.cti.clone();
        this.deviceKey = builder.deviceKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    public InsuredSpec insured() {
        return insured;
    }

    public List<BeneficiarySpec> beneficiaries() {
        return beneficiaries;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean demo() {
        return demo;
    }

    /** {@code null} when the credential is the holder's own. */
    public Delegation delegation() {
        return delegation;
    }

    /** {@code null}: the issuer draws 16 random bytes. */
    public byte[] cti() {
        return cti == null ? null : cti.clone();
    }

    /** {@code null}: the issuer generates a P-256 device key, as the wallet's enrolment would. */
    public SimKeyPair deviceKey() {
        return deviceKey;
    }

    public static final class Builder {
        private InsuredSpec insured;
        private final List<BeneficiarySpec> beneficiaries = new ArrayList<>();
        private Instant issuedAt;
        private Instant notBefore;
        private Instant expiresAt;
        private boolean demo;
        private Delegation delegation;
        private byte[] cti;
        private SimKeyPair deviceKey;

        private Builder() {
        }

        public Builder insured(InsuredSpec insured) {
            this.insured = insured;
            return this;
        }

        public Builder beneficiary(BeneficiarySpec beneficiary) {
            beneficiaries.add(Objects.requireNonNull(beneficiary, "beneficiary"));
            return this;
        }

        public Builder beneficiaries(List<BeneficiarySpec> beneficiaries) {
            beneficiaries.forEach(this::beneficiary);
            return this;
        }

        /** The household's insured and all its beneficiaries. */
        public Builder household(Household household) {
            return insured(household.insured()).beneficiaries(household.beneficiaries());
        }

        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        /** Defaults to iat. */
        public Builder notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** iat = nbf = {@code issuedAt}, exp = iat + {@code lifetime}. */
        public Builder validity(Instant issuedAt, Duration lifetime) {
            return issuedAt(issuedAt).notBefore(issuedAt).expiresAt(issuedAt.plus(lifetime));
        }

        public Builder demo(boolean demo) {
            this.demo = demo;
            return this;
        }

        public Builder delegation(Delegation delegation) {
            this.delegation = delegation;
            return this;
        }

        public Builder cti(byte[] cti) {
            this.cti = cti.clone();
            return this;
        }

        public Builder deviceKey(SimKeyPair deviceKey) {
            this.deviceKey = deviceKey;
            return this;
        }

        public CredentialRequest build() {
            return new CredentialRequest(this);
        }
    }
}
