package org.vitaleterminal.credential.vt1;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The {@code YYYYMMDD} dates of the VT1 data. */
final class Dates {
    private Dates() {}

    static String format(LocalDate date) {
        return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** A real calendar date, eight digits. */
    static boolean isCalendarDate(String text) {
        if (!isEightDigits(text)) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
                    Integer.parseInt(text.substring(6, 8)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /**
     * A birth date: a calendar date, or one whose day, or month and day, are {@code 00} because
     * the civil status does not know them (as on the carte Vitale).
     */
    static boolean isBirthDate(String text) {
        if (!isEightDigits(text)) {
            return false;
        }
        int month = Integer.parseInt(text.substring(4, 6));
        int day = Integer.parseInt(text.substring(6, 8));
        if (month == 0) {
            return day == 0;
        }
        if (day == 0) {
            return month <= 12;
        }
        return isCalendarDate(text);
    }

    private static boolean isEightDigits(String text) {
        if (text.length() != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
