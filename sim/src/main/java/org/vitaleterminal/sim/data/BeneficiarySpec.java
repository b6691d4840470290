package org.vitaleterminal.sim.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;

/**
 * One beneficiary on a credential (CDDL {@code beneficiary}), disclosed on its own. Optional
 * fields are {@code null} when absent; {@code coverages} is {@code null} when the key is absent
 * and an empty list when the key holds an empty array (CDDL tells the two apart). Values are not
 * validated (rang 1..9, qualité 0..9, date format), so that a test can issue bad data.
 */
public record BeneficiarySpec(
        String nomUsuel,
        String nomNaissance,
        String prenom,
        String birthDate,
        int rang,
        int qualite,
        CertifiedNir ownNir,
        Ins ins,
        List<DatePeriod> amoPeriods,
        List<Coverage> coverages,
        Amc amc) {

    public static final long NOM_USUEL = 1;
    public static final long NOM_NAISSANCE = 2;
    public static final long PRENOM = 3;
    public static final long BIRTH_DATE = 4;
    public static final long RANG = 5;
    public static final long QUALITE = 6;
    public static final long OWN_NIR = 7;
    public static final long INS = 8;
    public static final long AMO_PERIODS = 9;
    public static final long COVERAGES = 10;
    public static final long AMC = 11;

    public BeneficiarySpec {
        Objects.requireNonNull(nomUsuel, "nomUsuel");
        Objects.requireNonNull(prenom, "prenom");
        Objects.requireNonNull(birthDate, "birthDate");
        amoPeriods = List.copyOf(amoPeriods);
        coverages = coverages == null ? null : List.copyOf(coverages);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder().nomUsuel(nomUsuel).nomNaissance(nomNaissance).prenom(prenom)
                .birthDate(birthDate).rang(rang).qualite(qualite).ownNir(ownNir).ins(ins).amc(amc);
        amoPeriods.forEach(builder::amoPeriod);
        if (coverages != null) {
            builder.coverages = new ArrayList<>(coverages);
        }
        return builder;
    }

    /** The CDDL map, keys in CDDL order. */
    public CborMapBuilder toCbor() {
        CborMapBuilder map = Cbor.map().put(NOM_USUEL, Cbor.text(nomUsuel));
        if (nomNaissance != null) {
            map.put(NOM_NAISSANCE, Cbor.text(nomNaissance));
        }
        map.put(PRENOM, Cbor.text(prenom))
                .put(BIRTH_DATE, Cbor.text(birthDate))
                .put(RANG, Cbor.integer(rang))
                .put(QUALITE, Cbor.integer(qualite));
        if (ownNir != null) {
            map.put(OWN_NIR, ownNir.toCbor());
        }
        if (ins != null) {
            map.put(INS, ins.toCbor());
        }
        map.put(AMO_PERIODS, Cbor.array(amoPeriods.stream().map(DatePeriod::toCbor).toList()));
        if (coverages != null) {
            map.put(COVERAGES, Cbor.array(coverages.stream().map(Coverage::toCbor).toList()));
        }
        if (amc != null) {
            map.put(AMC, amc.toCbor());
        }
        return map;
    }

    /** Builder; rang defaults to 1, qualité to 0 (assuré), AMO periods to none. */
    public static final class Builder {
        private String nomUsuel;
        private String nomNaissance;
        private String prenom;
        private String birthDate;
        private int rang = 1;
        private int qualite = Qualite.ASSURE;
        private CertifiedNir ownNir;
        private Ins ins;
        private final List<DatePeriod> amoPeriods = new ArrayList<>();
        private List<Coverage> coverages;
        private Amc amc;

        private Builder() {
        }

        public Builder nomUsuel(String nomUsuel) {
            this.nomUsuel = nomUsuel;
            return this;
        }

        public Builder nomNaissance(String nomNaissance) {
            this.nomNaissance = nomNaissance;
            return this;
        }

        public Builder prenom(String prenom) {
            this.prenom = prenom;
            return this;
        }

        public Builder birthDate(LocalDate birthDate) {
            return birthDate(VtDates.format(birthDate));
        }

        /** YYYYMMDD; "00" stands for an unknown day or month. */
        public Builder birthDate(String yyyymmdd) {
            this.birthDate = yyyymmdd;
            return this;
        }

        public Builder rang(int rang) {
            this.rang = rang;
            return this;
        }

        public Builder qualite(int qualite) {
            this.qualite = qualite;
            return this;
        }

        public Builder ownNir(CertifiedNir ownNir) {
            this.ownNir = ownNir;
            return this;
        }

        public Builder ins(Ins ins) {
            this.ins = ins;
            return this;
        }

        /** Own certified NIR and the matching test INS-NIR, as a qualified identity has. */
        public Builder ownNirWithTestIns(String nir) {
            CertifiedNir certified = CertifiedNir.of(nir);
            return ownNir(certified).ins(Ins.testNir(certified));
        }

        public Builder amoPeriod(DatePeriod period) {
            amoPeriods.add(period);
            return this;
        }

        /** Adds a coverage; the first call makes key 10 present. */
        public Builder coverage(Coverage coverage) {
            if (coverages == null) {
                coverages = new ArrayList<>();
            }
            coverages.add(coverage);
            return this;
        }

        /** Key 10 present with an empty array (allowed by the CDDL {@code [* coverage]}). */
        public Builder emptyCoverages() {
            coverages = new ArrayList<>();
            return this;
        }

        public Builder amc(Amc amc) {
            this.amc = amc;
            return this;
        }

        public BeneficiarySpec build() {
            return new BeneficiarySpec(nomUsuel, nomNaissance, prenom, birthDate, rang, qualite, ownNir, ins,
                    amoPeriods, coverages, amc);
        }
    }
}
