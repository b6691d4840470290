package org.vitaleterminal.credential.vt1;

import java.time.LocalDate;

/** An inclusive date range, kept as the {@code YYYYMMDD} strings that were signed. */
public record Period(String from, String to) {
    /** Whether {@code date} falls within the period (both ends included). */
    public boolean covers(LocalDate date) {
        String day = Dates.format(date);
        return from.compareTo(day) <= 0 && day.compareTo(to) <= 0;
    }
}
