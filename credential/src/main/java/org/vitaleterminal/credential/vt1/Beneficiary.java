package org.vitaleterminal.credential.vt1;

import java.time.LocalDate;
import java.util.List;

/**
 * One disclosed beneficiary, as the issuer signed it. Optional fields are {@code null} when
 * absent.
 *
 * @param birthDate {@code YYYYMMDD}; day or month may be {@code 00} when unknown
 * @param birthRank rang de naissance, 1..9
 * @param quality   qualité, 0..9 (0 assuré, 2 conjoint, 6 enfant...)
 * @param nir       the beneficiary's own certified NIR (13 characters), or {@code null}
 * @param nirKey    its key, or 0 when there is no NIR
 * @param amo       AMO rights periods
 */
public record Beneficiary(String lastName, String birthName, String firstName, String birthDate, int birthRank,
                          int quality, String nir, int nirKey, NationalHealthId ins, List<Period> amo,
                          List<Coverage> coverage, ComplementaryInsurance amc) {
    public Beneficiary {
        amo = List.copyOf(amo);
        coverage = coverage == null ? null : List.copyOf(coverage);
    }

    /** Whether an AMO rights period covers {@code date}. */
    public boolean rightsOpenOn(LocalDate date) {
        return amo.stream().anyMatch(period -> period.covers(date));
    }

    /** Names and birth date are personal data: never print them. */
    @Override
    public String toString() {
        return "Beneficiary[quality=" + quality + ", rank=" + birthRank + ", amoPeriods=" + amo.size() + "]";
    }
}
