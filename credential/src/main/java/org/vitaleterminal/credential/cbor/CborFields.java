package org.vitaleterminal.credential.cbor;

import java.util.Arrays;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;

/**
 * Typed, checked access to the fields of a CBOR map with integer keys, as the CDDL of the
 * formats describes them. Every missing field, wrong type, wrong size or (for closed maps)
 * unexpected key becomes a rejection with the reason the caller chose ({@code FORMAT} for
 * structures, {@code DISCLOSURE_INVALID} inside a disclosure) and a detail naming the structure
 * and the key, never the value.
 */
public final class CborFields {
    /** The earliest time {@link #time} accepts: 0001-01-01T00:00:00Z. */
    public static final long EARLIEST_TIME = -62_135_596_800L;
    /** The latest time {@link #time} accepts: 9999-12-31T23:59:59Z. */
    public static final long LATEST_TIME = 253_402_300_799L;

    private final CborMap map;
    private final Reason reason;
    private final String structure;

    private CborFields(CborMap map, Reason reason, String structure) {
        this.map = map;
        this.reason = reason;
        this.structure = structure;
    }

    /** Requires {@code item} to be a map. */
    public static CborFields of(CborItem item, Reason reason, String structure) throws Rejection {
        if (!(item instanceof CborMap map)) {
            throw new Rejection(reason, structure + ": not a map");
        }
        return new CborFields(map, reason, structure);
    }

    public CborMap map() {
        return map;
    }

    /** Refuses any key other than the listed integer keys (the CDDL maps are closed). */
    public CborFields onlyKeys(long... allowed) throws Rejection {
        for (CborItem key : map.keys()) {
            if (!(key instanceof CborInteger integer) || Arrays.stream(allowed).noneMatch(k -> k == integer.value())) {
                throw fail("unexpected key");
            }
        }
        return this;
    }

    public boolean has(long key) {
        return map.containsKey(key);
    }

    public CborItem required(long key) throws Rejection {
        CborItem value = map.get(key);
        if (value == null) {
            throw fail("missing key " + key);
        }
        return value;
    }

    public long integer(long key) throws Rejection {
        if (required(key) instanceof CborInteger integer) {
            return integer.value();
        }
        throw fail("key " + key + " is not an integer");
    }

    /** An integer in {@code [min, max]}; outside it is a type error of the structure. */
    public long integer(long key, long min, long max) throws Rejection {
        long value = integer(key);
        if (value < min || value > max) {
            throw fail("key " + key + " out of range");
        }
        return value;
    }

    /**
     * An epoch-seconds time ({@code int} in the CDDL) within the years 1 to 9999, the range of
     * four-digit ISO 8601 years (HC1's claims stop at the same 9999-12-31T23:59:59Z). Outside it
     * nothing real is dated, and {@link java.time.Instant} arithmetic on the value could
     * overflow ({@code Instant.ofEpochSecond} throws beyond about ±10<sup>9</sup> years, and
     * adding a grace or a window to a time near that limit throws too).
     */
    public long time(long key) throws Rejection {
        return integer(key, EARLIEST_TIME, LATEST_TIME);
    }

    public String text(long key) throws Rejection {
        if (required(key) instanceof CborText text) {
            return text.value();
        }
        throw fail("key " + key + " is not text");
    }

    /**
     * Text of exactly {@code length} bytes (CDDL {@code tstr .size n} counts the bytes of the
     * UTF-8 encoding). A value of the right size but with non-ASCII characters passes here: it is
     * a wrong value, for the semantic checks to refuse, not a wrong shape.
     */
    public String text(long key, int length) throws Rejection {
        String value = text(key);
        if (utf8Length(value) != length) {
            throw fail("key " + key + " has the wrong size");
        }
        return value;
    }

    public String optionalText(long key) throws Rejection {
        return has(key) ? text(key) : null;
    }

    public String optionalText(long key, int length) throws Rejection {
        return has(key) ? text(key, length) : null;
    }

    public byte[] bytes(long key) throws Rejection {
        if (required(key) instanceof CborBytes bytes) {
            return bytes.value();
        }
        throw fail("key " + key + " is not a byte string");
    }

    public byte[] bytes(long key, int length) throws Rejection {
        byte[] value = bytes(key);
        if (value.length != length) {
            throw fail("key " + key + " has the wrong size");
        }
        return value;
    }

    public CborArray array(long key) throws Rejection {
        if (required(key) instanceof CborArray array) {
            return array;
        }
        throw fail("key " + key + " is not an array");
    }

    public CborFields fields(long key, String innerStructure) throws Rejection {
        return of(required(key), reason, innerStructure);
    }

    /** The CDDL literal {@code true}: present means true, any other value is refused. */
    public boolean trueFlag(long key) throws Rejection {
        if (!has(key)) {
            return false;
        }
        if (required(key) instanceof CborBoolean flag && flag.value()) {
            return true;
        }
        throw fail("key " + key + " must be true when present");
    }

    public Rejection fail(String problem) {
        return new Rejection(reason, structure + ": " + problem);
    }

    /** The size of {@code value}'s UTF-8 encoding (CDDL {@code .size} of a text string). */
    public static int utf8Length(String value) {
        return value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
