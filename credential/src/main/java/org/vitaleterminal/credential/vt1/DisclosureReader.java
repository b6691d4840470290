package org.vitaleterminal.credential.vt1;

import java.util.ArrayList;
import java.util.List;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborArray;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborFields;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.credential.cbor.CborText;

/**
 * Decodes one disclosure ({@code bstr .cbor [salt, beneficiary]}) into a {@link Beneficiary},
 * enforcing the CDDL shape. Any shape problem is {@code DISCLOSURE_INVALID} (step 9); value
 * checks (dates, ranges, NIR keys) are {@link DataChecks}' job at step 10.
 */
final class DisclosureReader {
    private static final Reason REASON = Reason.DISCLOSURE_INVALID;

    private DisclosureReader() {}

    static Beneficiary read(byte[] disclosure) throws Rejection {
        CborItem decoded;
        try {
            decoded = CborDecoder.decode(disclosure, CborProfile.VT1_PAYLOAD);
        } catch (Rejection e) {
            throw new Rejection(REASON, "disclosure: " + e.detail());
        }
        if (!(decoded instanceof CborArray pair) || pair.size() != 2
                || !(pair.get(0) instanceof org.vitaleterminal.credential.cbor.CborBytes salt) || salt.length() != 16) {
            throw new Rejection(REASON, "disclosure: not [16-byte salt, beneficiary]");
        }
        CborFields b = CborFields.of(pair.get(1), REASON, "beneficiary").onlyKeys(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        String lastName = b.text(1);
        String birthName = b.optionalText(2);
        String firstName = b.text(3);
        String birthDate = b.text(4, 8);
        // Any unsigned value is the right type; one outside 1..9 / 0..9 is a wrong value (INVALID_DATA at
        // step 10), so huge values are kept, saturated, rather than refused here as a wrong shape.
        int birthRank = saturated(b.integer(5, 0, Long.MAX_VALUE));
        int quality = saturated(b.integer(6, 0, Long.MAX_VALUE));

        String nir = null;
        int nirKey = 0;
        if (b.has(7)) {
            CborArray ownNir = tuple(b.array(7), "beneficiary NIR");
            nir = text(ownNir.get(0), 13, "beneficiary NIR");
            nirKey = saturated(unsigned(ownNir.get(1), "beneficiary NIR key"));
        }
        NationalHealthId ins = null;
        if (b.has(8)) {
            CborArray insPair = tuple(b.array(8), "INS");
            ins = new NationalHealthId(text(insPair.get(0), 15, "INS"), text(insPair.get(1), -1, "INS OID"));
        }
        List<Period> amo = periods(b.array(9));
        List<Coverage> coverage = null;
        if (b.has(10)) {
            coverage = new ArrayList<>();
            for (CborItem item : b.array(10).items()) {
                CborFields c = CborFields.of(item, REASON, "coverage").onlyKeys(1, 2, 3);
                coverage.add(new Coverage(c.text(1), c.optionalText(2), period(c.required(3))));
            }
        }
        ComplementaryInsurance amc = null;
        if (b.has(11)) {
            CborFields a = b.fields(11, "amc").onlyKeys(1, 2, 3, 4);
            amc = new ComplementaryInsurance(a.text(1), a.optionalText(2), a.optionalText(3), period(a.required(4)));
        }
        return new Beneficiary(lastName, birthName, firstName, birthDate, birthRank, quality, nir, nirKey, ins, amo,
                coverage, amc);
    }

    private static List<Period> periods(CborArray array) throws Rejection {
        List<Period> periods = new ArrayList<>(array.size());
        for (CborItem item : array.items()) {
            periods.add(period(item));
        }
        return periods;
    }

    private static Period period(CborItem item) throws Rejection {
        if (!(item instanceof CborArray pair)) {
            throw new Rejection(REASON, "period: not an array");
        }
        CborArray checked = tuple(pair, "period");
        return new Period(text(checked.get(0), 8, "period"), text(checked.get(1), 8, "period"));
    }

    private static CborArray tuple(CborArray array, String what) throws Rejection {
        if (array.size() != 2) {
            throw new Rejection(REASON, what + ": two elements expected");
        }
        return array;
    }

    private static String text(CborItem item, int length, String what) throws Rejection {
        if (item instanceof CborText text && (length < 0 || CborFields.utf8Length(text.value()) == length)) {
            return text.value();
        }
        throw new Rejection(REASON, what + ": text of the wrong type or size");
    }

    /** Values beyond int range are out of every allowed range anyway; keep them out of range. */
    private static int saturated(long value) {
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static long unsigned(CborItem item, String what) throws Rejection {
        if (item instanceof org.vitaleterminal.credential.cbor.CborInteger integer && integer.value() >= 0) {
            return integer.value();
        }
        throw new Rejection(REASON, what + ": not an unsigned integer");
    }
}
