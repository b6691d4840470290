package org.vitaleterminal.dist.demo;

/**
 * A NIR as a counter screen may show it: the sex digit, the birth year and the key stay readable
 * (enough to tell two patients apart at a glance), the month, place of birth and order number are
 * masked — so a demo recording or a screenshot of it never carries a whole NIR.
 */
final class NirMask {
    private NirMask() {}

    /**
     * @param nir the 13 characters of {@code insured.nir} (digits, or 2A/2B for Corsica)
     * @param key the key, 1..97, or null when unknown
     * @return e.g. {@code 2 85 ** ** *** *** 42}; {@code ?} for anything that is not a 13-character NIR
     */
    static String mask(String nir, String key) {
        if (nir == null || nir.length() != 13) {
            return "?";
        }
        String shownKey = key == null || key.isEmpty() ? "**" : (key.length() == 1 ? "0" + key : key);
        return nir.charAt(0) + " " + nir.substring(1, 3) + " ** ** *** *** " + shownKey;
    }
}
