package org.vitaleterminal.credential.vt1;

import java.util.List;
import java.util.Set;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;

/**
 * Step 10: the signed data must also make sense — an issuer bug must not become a wrong FSE.
 * NIR keys, digit-only organisme codes, well-formed dates, ranges of rang and qualité, INS
 * shape. Every failure is {@code INVALID_DATA}; details name the field, never its value.
 */
final class DataChecks {
    /** INS-NIR, INS-NIA and their test counterparts (ANS FR Core identifiers). */
    private static final Set<String> INS_OIDS =
            Set.of("1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11");
    /** The INS OIDs whose matricule is a NIR, so its last two digits are the NIR key. */
    private static final Set<String> INS_NIR_OIDS = Set.of("1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.10");

    private DataChecks() {}

    static Insured insured(CredentialClaims.RawInsured raw) throws Rejection {
        if (raw.nirKey() < 1 || raw.nirKey() > 97 || !Nir.isValid(raw.nir(), raw.nirKey())) {
            throw invalid("insured NIR or key");
        }
        if (!digits(raw.regime()) || !digits(raw.caisse()) || !digits(raw.centre())
                || (raw.gestion() != null && !digits(raw.gestion()))) {
            throw invalid("organisme codes must be digits");
        }
        return new Insured(raw.nir(), (int) raw.nirKey(),
                new Organisme(raw.regime(), raw.caisse(), raw.centre(), raw.gestion()));
    }

    static void beneficiary(Beneficiary b) throws Rejection {
        if (b.lastName().isBlank() || b.firstName().isBlank()) {
            throw invalid("beneficiary names must not be blank");
        }
        if (!Dates.isBirthDate(b.birthDate())) {
            throw invalid("beneficiary birth date");
        }
        if (b.birthRank() < 1 || b.birthRank() > 9) {
            throw invalid("beneficiary rang de naissance must be 1..9");
        }
        if (b.quality() > 9) {
            throw invalid("beneficiary qualité must be 0..9");
        }
        if (b.nir() != null && (b.nirKey() < 1 || b.nirKey() > 97 || !Nir.isValid(b.nir(), b.nirKey()))) {
            throw invalid("beneficiary NIR or key");
        }
        if (b.ins() != null) {
            ins(b.ins());
        }
        periods(b.amo(), "AMO period");
        if (b.coverage() != null) {
            for (Coverage c : b.coverage()) {
                period(c.period(), "coverage period");
            }
        }
        if (b.amc() != null) {
            period(b.amc().period(), "AMC period");
        }
    }

    private static void ins(NationalHealthId ins) throws Rejection {
        if (!INS_OIDS.contains(ins.oid())) {
            throw invalid("INS OID");
        }
        String matricule = ins.value();
        if (matricule.length() != 15) { // 15 bytes, but not 15 ASCII characters
            throw invalid("INS matricule");
        }
        String base = matricule.substring(0, 13);
        String key = matricule.substring(13);
        if (!Nir.hasValidShape(base) || !digits(key)) {
            throw invalid("INS matricule");
        }
        if (INS_NIR_OIDS.contains(ins.oid()) && !Nir.isValid(base, Integer.parseInt(key))) {
            throw invalid("INS matricule key");
        }
    }

    private static void periods(List<Period> periods, String what) throws Rejection {
        for (Period p : periods) {
            period(p, what);
        }
    }

    private static void period(Period p, String what) throws Rejection {
        if (!Dates.isCalendarDate(p.from()) || !Dates.isCalendarDate(p.to()) || p.from().compareTo(p.to()) > 0) {
            throw invalid(what);
        }
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static Rejection invalid(String what) {
        return new Rejection(Reason.INVALID_DATA, "data: " + what);
    }
}
