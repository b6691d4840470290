package org.vitaleterminal.sim.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplePeopleTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private final SamplePeople people = new SamplePeople(TODAY);

    private List<Household> all() {
        return List.of(people.singleAdult(), people.family(), people.closedRights(), people.moreau(),
                people.lefebvre(), people.msaFarmer(), people.demoPerson());
    }

    /** The key, computed here independently of {@link NirKey}. */
    private static int key(String nir) {
        String digits = nir.replace("2A", "19").replace("2B", "18");
        return 97 - new BigInteger(digits).mod(BigInteger.valueOf(97)).intValue();
    }

    @Test
    void everyNirHasTheRightKeyAndAgreesWithSexAndBirthDate() {
        for (Household household : all()) {
            assertEquals(key(household.insured().nir()), household.insured().nirKey());
            for (BeneficiarySpec beneficiary : household.beneficiaries()) {
                CertifiedNir own = beneficiary.ownNir();
                assertEquals(key(own.nir()), own.key(), beneficiary.prenom());
                // positions 2-3 year, 4-5 month of birth
                assertEquals(beneficiary.birthDate().substring(2, 4), own.nir().substring(1, 3), beneficiary.prenom());
                assertEquals(beneficiary.birthDate().substring(4, 6), own.nir().substring(3, 5), beneficiary.prenom());
                if (beneficiary.ins() != null) {
                    assertEquals(own.nir() + String.format("%02d", own.key()), beneficiary.ins().matricule());
                    assertEquals(Ins.OID_INS_NIR_TEST, beneficiary.ins().oid());
                }
                assertTrue(beneficiary.rang() >= 1 && beneficiary.rang() <= 9);
                assertTrue(beneficiary.qualite() >= 0 && beneficiary.qualite() <= 9);
                assertEquals(8, beneficiary.birthDate().length());
            }
        }
    }

    @Test
    void corsicanNirsAreCovered() {
        assertEquals("2A", people.lefebvre().insured().nir().substring(5, 7));
        assertEquals("2B", people.msaFarmer().insured().nir().substring(5, 7));
    }

    @Test
    void familySharesTheOuvrantDroitNir() {
        Household family = people.family();
        assertEquals(List.of(0, 2, 6, 6), family.beneficiaries().stream().map(BeneficiarySpec::qualite).toList());
        assertEquals(family.insured().nir(), family.beneficiary(0).ownNir().nir());
        assertEquals("LEROY", family.beneficiary(1).nomNaissance());
    }

    @Test
    void rightsArePlacedAroundToday() {
        String today = "20260315";
        DatePeriod open = people.singleAdult().beneficiary(0).amoPeriods().get(0);
        assertTrue(open.from().compareTo(today) < 0 && open.to().compareTo(today) > 0);
        DatePeriod closed = people.closedRights().beneficiary(0).amoPeriods().get(0);
        assertEquals("20251215", closed.to());
    }

    @Test
    void beneficiaryMapsToTheCddlKeys() {
        Map<Long, String> expectedKeys = Map.of(1L, "nom usuel", 3L, "prénom", 4L, "birth date", 5L, "rang",
                6L, "qualité", 7L, "own NIR", 8L, "INS", 9L, "AMO periods", 11L, "AMC");
        var map = people.singleAdult().beneficiary(0).toCbor();
        assertEquals(expectedKeys.size(), map.size());
        expectedKeys.keySet().forEach(key -> assertTrue(map.containsKey(key), expectedKeys.get(key)));
        var hugo = people.family().beneficiary(3).toCbor();
        assertTrue(hugo.containsKey(10));
        assertTrue(people.family().beneficiary(1).toCbor().containsKey(2));
    }
}
