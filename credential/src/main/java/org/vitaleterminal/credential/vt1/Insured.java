package org.vitaleterminal.credential.vt1;

/** The ouvrant droit: NIR (13 characters), its key and organisme. */
public record Insured(String nir, int nirKey, Organisme organisme) {
    /** The NIR is personal data: never print it. */
    @Override
    public String toString() {
        return "Insured[nir=*************, organisme=" + organisme + "]";
    }
}
