package org.vitaleterminal.credential.vt1;

/** An exonération (ALD, maternité...): its code, optional situation, and period. */
public record Coverage(String code, String situation, Period period) {}
