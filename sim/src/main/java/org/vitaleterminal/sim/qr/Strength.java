package org.vitaleterminal.sim.qr;

/**
 * How hard one distortion family is applied. {@link #MODERATE} is meant to look like what a
 * phone held under a counter camera gives on an ordinary day; {@link #MILD} is a careful holder
 * and good light; {@link #STRONG} is a bad case a reader should survive often but not always. The
 * numbers for each family are on {@link Distortion}'s constants.
 */
public enum Strength {
    MILD, MODERATE, STRONG;

    /** Lower case, for file names and tables. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
