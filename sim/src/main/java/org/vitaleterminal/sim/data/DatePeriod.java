package org.vitaleterminal.sim.data;

import java.time.LocalDate;
import java.util.Objects;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborArray;

/**
 * A CDDL {@code period}: {@code [from, to]}, YYYYMMDD, both days included. Held as text so that
 * a test can write a malformed date.
 */
public record DatePeriod(String from, String to) {
    public DatePeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static DatePeriod of(LocalDate from, LocalDate to) {
        return new DatePeriod(VtDates.format(from), VtDates.format(to));
    }

    public CborArray toCbor() {
        return Cbor.array(Cbor.text(from), Cbor.text(to));
    }
}
