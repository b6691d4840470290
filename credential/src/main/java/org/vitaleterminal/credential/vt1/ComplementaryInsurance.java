package org.vitaleterminal.credential.vt1;

/** The AMC (complementary insurer): AMC number, adherent number, treatment indicator, period. */
public record ComplementaryInsurance(String number, String adherent, String indicator, Period period) {
    @Override
    public String toString() {
        return "ComplementaryInsurance[number=" + number + ", period=" + period + "]";
    }
}
