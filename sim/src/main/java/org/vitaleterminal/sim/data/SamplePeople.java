package org.vitaleterminal.sim.data;

import java.time.LocalDate;
import java.util.List;

/**
 * Invented French people for tests and the demo. Every name, NIR, INS and AMC number here is
 * made up (any resemblance is chance); NIRs are well-formed and carry correct keys, and each
 * agrees with its holder's sex, birth month and year. INS use the test OIDs.
 *
 * <p>Birth dates are fixed; rights periods are placed around {@code today}, so that a
 * household is "currently covered" whatever day the tests run.
 */
public final class SamplePeople {
    /** CPAM de Paris, régime général. */
    public static final Organisme CPAM_PARIS = Organisme.of("01", "751", "0100").withGestion("10");
    public static final Organisme CPAM_LYON = Organisme.of("01", "691", "0200").withGestion("10");
    public static final Organisme CPAM_LILLE = Organisme.of("01", "591", "0300").withGestion("10");
    public static final Organisme CPAM_BORDEAUX = Organisme.of("01", "331", "0100").withGestion("10");
    public static final Organisme CPAM_MARSEILLE = Organisme.of("01", "131", "0400").withGestion("10");
    /** Régime agricole (MSA), no code gestion. */
    public static final Organisme MSA_MAINE_ET_LOIRE = Organisme.of("02", "491", "0000");
    /** Caisse 999 of the régime général marks GIE SESAM-Vitale test cards: right for demo data. */
    public static final Organisme DEMO_TEST_CAISSE = Organisme.of("01", "999", "9999");

    private final LocalDate today;

    public SamplePeople(LocalDate today) {
        this.today = today;
    }

    /** AMO rights open around today: from six months ago to six months ahead. */
    public DatePeriod openRights() {
        return DatePeriod.of(today.minusMonths(6), today.plusMonths(6));
    }

    /** Marie DUPONT, 40-ish, Paris: one beneficiary with own NIR, INS and a mutuelle. */
    public Household singleAdult() {
        String nir = "2850375114123"; // woman, born March 1985, Paris 14e
        return new Household(InsuredSpec.of(nir, CPAM_PARIS), List.of(
                BeneficiarySpec.builder()
                        .nomUsuel("DUPONT").prenom("Marie").birthDate("19850314")
                        .rang(1).qualite(Qualite.ASSURE)
                        .ownNirWithTestIns(nir)
                        .amoPeriod(openRights())
                        .amc(new Amc("75500017", "0012345678", "22", openRights()))
                        .build()));
    }

    /**
     * The DURAND family, Lyon: Thomas (assuré, qualité 0), Julie née LEROY (conjoint, 2), Léa
     * and Hugo (enfants, 6), all under Thomas's NIR; Hugo has an ALD exonération.
     */
    public Household family() {
        String thomas = "1800769383045"; // man, July 1980, Lyon 3e
        return new Household(InsuredSpec.of(thomas, CPAM_LYON), List.of(
                BeneficiarySpec.builder()
                        .nomUsuel("DURAND").prenom("Thomas").birthDate("19800702")
                        .rang(1).qualite(Qualite.ASSURE)
                        .ownNirWithTestIns(thomas)
                        .amoPeriod(openRights())
                        .build(),
                BeneficiarySpec.builder()
                        .nomUsuel("DURAND").nomNaissance("LEROY").prenom("Julie").birthDate("19821121")
                        .rang(1).qualite(Qualite.CONJOINT)
                        .ownNirWithTestIns("2821169266087") // woman, November 1982, Villeurbanne
                        .amoPeriod(openRights())
                        .build(),
                BeneficiarySpec.builder()
                        .nomUsuel("DURAND").prenom("Léa").birthDate("20120509")
                        .rang(1).qualite(Qualite.ENFANT)
                        .ownNirWithTestIns("2120569388112") // girl, May 2012, Lyon 8e
                        .amoPeriod(openRights())
                        .build(),
                BeneficiarySpec.builder()
                        .nomUsuel("DURAND").prenom("Hugo").birthDate("20160127")
                        .rang(1).qualite(Qualite.ENFANT)
                        .ownNirWithTestIns("1160169383204") // boy, January 2016, Lyon 3e
                        .amoPeriod(openRights())
                        .coverage(new Coverage("ALD", "08", DatePeriod.of(today.minusYears(2), today.plusYears(3))))
                        .build()));
    }

    /** Bernard PETIT, Lille: his AMO rights ended three months ago. */
    public Household closedRights() {
        String nir = "1580959350031"; // man, September 1958, Lille
        return new Household(InsuredSpec.of(nir, CPAM_LILLE), List.of(
                BeneficiarySpec.builder()
                        .nomUsuel("PETIT").prenom("Bernard").birthDate("19580930")
                        .rang(1).qualite(Qualite.ASSURE)
                        .ownNirWithTestIns(nir)
                        .amoPeriod(DatePeriod.of(today.minusYears(2), today.minusMonths(3)))
                        .build()));
    }

    /** Sophie MOREAU, Bordeaux (the sample world gives her an expired credential). */
    public Household moreau() {
        String nir = "2900233063150"; // woman, February 1990, Bordeaux
        return new Household(InsuredSpec.of(nir, CPAM_BORDEAUX), List.of(
                BeneficiarySpec.builder()
                        .nomUsuel("MOREAU").prenom("Sophie").birthDate("19900211")
                        .rang(1).qualite(Qualite.ASSURE)
                        .ownNirWithTestIns(nir)
                        .amoPeriod(openRights())
                        .build()));
    }

    /** Antoine LEFEBVRE, born in Ajaccio (2A), insured in Marseille (the sample world revokes his credential). */
    public Household lefebvre() {
        String nir = "175062A004012"; // man, June 1975, Corse-du-Sud
        return new Household(InsuredSpec.of(nir, CPAM_MARSEILLE), List.of(
                BeneficiarySpec.builder()
                        .nomUsuel("LEFEBVRE").prenom("Antoine").birthDate("19750618")
                        .rang(1).qualite(Qualite.ASSURE)
                        .ownNirWithTestIns(nir)
                        .amoPeriod(openRights())
                        .build()));
    }

    /** Jean ROUSSEAU, born in Bastia (2B), farmer insured by the MSA. */
    public Household msaFarmer() {
        String nir = "168042B033021"; // man, April 1968, Haute-Corse
        return new Household(InsuredSpec.of(nir, MSA_MAINE_ET_LOIRE), List.of(
                BeneficiarySpec.builder()
                        .nomUsuel("ROUSSEAU").prenom("Jean").birthDate("19680403")
                        .rang(1).qualite(Qualite.ASSURE)
                        .ownNirWithTestIns(nir)
                        .amoPeriod(openRights())
                        .build()));
    }

    /**
     * Camille EXEMPLE, the demo person: test caisse 999, born abroad (département 99), birth day
     * unknown ("00"), no INS.
     */
    public Household demoPerson() {
        String nir = "2000199350017"; // woman, January 2000, born abroad (country code 350)
        return new Household(InsuredSpec.of(nir, DEMO_TEST_CAISSE), List.of(
                BeneficiarySpec.builder()
                        .nomUsuel("EXEMPLE").prenom("Camille").birthDate("20000100")
                        .rang(1).qualite(Qualite.ASSURE)
                        .ownNir(CertifiedNir.of(nir))
                        .amoPeriod(openRights())
                        .build()));
    }
}
