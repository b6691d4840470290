package org.vitaleterminal.sim.data;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** VT1 writes calendar dates as 8-character YYYYMMDD text. */
final class VtDates {
    private VtDates() {
    }

    static String format(LocalDate date) {
        return date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
