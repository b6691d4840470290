package org.vitaleterminal.credential.vt1;

/**
 * The French NIR (numéro d'inscription au répertoire): 13 characters — digits, with {@code 2A}
 * or {@code 2B} allowed as the Corsican département at positions 6–7 — and a key
 * {@code 97 − (N mod 97)}, where N is the 13 characters read as a number after replacing
 * 2A by 19 and 2B by 18. Deliberately no stricter than that: real NIRs include provisional
 * numbers and unusual months, and the terminal must not reject a genuine card.
 */
public final class Nir {
    private Nir() {}

    /** Whether {@code nir} has the 13-character shape (does not check the key). */
    public static boolean hasValidShape(String nir) {
        if (nir == null || nir.length() != 13) {
            return false;
        }
        for (int i = 0; i < 13; i++) {
            char c = nir.charAt(i);
            boolean corsica = i == 6 && nir.charAt(5) == '2' && (c == 'A' || c == 'B');
            if (!corsica && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** The key of a well-shaped NIR, 1..97. */
    public static int key(String nir) {
        if (!hasValidShape(nir)) {
            throw new IllegalArgumentException("not a NIR");
        }
        String numeric = nir.substring(0, 5) + corsicanDepartment(nir.substring(5, 7)) + nir.substring(7);
        long n = Long.parseLong(numeric);
        return (int) (97 - n % 97);
    }

    public static boolean isValid(String nir, long key) {
        return hasValidShape(nir) && key == key(nir);
    }

    private static String corsicanDepartment(String department) {
        return switch (department) {
            case "2A" -> "19";
            case "2B" -> "18";
            default -> department;
        };
    }
}
