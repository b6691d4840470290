package org.vitaleterminal.sim.data;

import java.math.BigInteger;

/**
 * The NIR control key (domain notes §2.4): 97 − (the 13 characters as a number mod 97), with
 * Corsica's "2A" / "2B" at positions 6–7 read as 19 / 18. Range 1..97.
 */
public final class NirKey {
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private NirKey() {
    }

    public static int compute(String nir) {
        requireWellFormed(nir);
        String digits = nir.substring(0, 5) + corsicaAsDigits(nir.substring(5, 7)) + nir.substring(7);
        return 97 - new BigInteger(digits).mod(NINETY_SEVEN).intValue();
    }

    public static boolean isValid(String nir, int key) {
        return compute(nir) == key;
    }

    /** 13 characters: digits, except that positions 6–7 may be "2A" or "2B". */
    public static void requireWellFormed(String nir) {
        boolean ok = nir != null && nir.length() == 13
                && nir.substring(0, 5).chars().allMatch(Character::isDigit)
                && nir.substring(7).chars().allMatch(Character::isDigit)
                && (nir.substring(5, 7).chars().allMatch(Character::isDigit)
                        || nir.startsWith("2A", 5) || nir.startsWith("2B", 5));
        if (!ok) {
            // The value itself stays out of the message: it is personal data even when sample data.
            throw new IllegalArgumentException("a NIR is 13 characters: digits, 2A/2B allowed at positions 6-7");
        }
    }

    private static String corsicaAsDigits(String department) {
        return switch (department) {
            case "2A" -> "19";
            case "2B" -> "18";
            default -> department;
        };
    }
}
