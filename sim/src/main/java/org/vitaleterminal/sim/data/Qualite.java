package org.vitaleterminal.sim.data;

/** Qualité codes (lien avec l'ouvrant droit, domain notes §2.2). VT1 allows 0..9. */
public final class Qualite {
    public static final int ASSURE = 0;
    public static final int ASCENDANT_DESCENDANT_COLLATERAL = 1;
    public static final int CONJOINT = 2;
    public static final int CONJOINT_DIVORCE = 3;
    public static final int CONCUBIN = 4;
    public static final int CONJOINT_SEPARE = 5;
    public static final int ENFANT = 6;
    public static final int BENEFICIAIRE_HORS_ARTICLE_313 = 7;
    public static final int CONJOINT_VEUF = 8;
    public static final int AUTRE_AYANT_DROIT = 9;

    private Qualite() {
    }
}
