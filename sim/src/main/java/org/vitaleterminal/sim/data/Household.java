package org.vitaleterminal.sim.data;

import java.util.List;
import java.util.Objects;

/** An ouvrant droit and the beneficiaries that one credential carries (1..16 in VT1). */
public record Household(InsuredSpec insured, List<BeneficiarySpec> beneficiaries) {
    public Household {
        Objects.requireNonNull(insured, "insured");
        beneficiaries = List.copyOf(beneficiaries);
    }

    public BeneficiarySpec beneficiary(int index) {
        return beneficiaries.get(index);
    }
}
