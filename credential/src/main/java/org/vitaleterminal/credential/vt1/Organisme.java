package org.vitaleterminal.credential.vt1;

/**
 * The insured's managing body: code régime (2 digits), caisse (3), centre (4) and the optional
 * code gestion (2, else {@code null}).
 */
public record Organisme(String regime, String caisse, String centre, String gestion) {}
