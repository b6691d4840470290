package org.vitaleterminal.sim.cbor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Factories for CBOR items. The first group gives the encoding VT1 requires: shortest
 * arguments, definite lengths, no floats. The "negative-test" group gives what VT1 forbids, so
 * that tests can check the verifier refuses it.
 */
public final class Cbor {
    private Cbor() {
    }

    public static CborInteger integer(long value) {
        return CborInteger.shortest(value);
    }

    public static CborBytes bytes(byte[] bytes) {
        return new CborBytes(bytes);
    }

    public static CborText text(String text) {
        return new CborText(text);
    }

    public static CborSimple bool(boolean value) {
        return value ? CborSimple.TRUE : CborSimple.FALSE;
    }

    public static CborSimple nul() {
        return CborSimple.NULL;
    }

    public static CborArray array(CborValue... items) {
        return new CborArray(Arrays.asList(items));
    }

    public static CborArray array(List<? extends CborValue> items) {
        return new CborArray(items);
    }

    /** An empty, editable map. */
    public static CborMapBuilder map() {
        return new CborMapBuilder();
    }

    public static CborTag tag(long tag, CborValue content) {
        return new CborTag(tag, content);
    }

    /**
     * A byte string holding the encoding of {@code value}: CDDL's {@code bstr .cbor}. The
     * encoding is taken now; later edits to a map inside {@code value} do not reach it.
     */
    public static CborBytes embedded(CborValue value) {
        return new CborBytes(value.encode());
    }

    /** Already-encoded bytes, inserted verbatim. */
    public static CborRaw raw(byte[] encoded) {
        return new CborRaw(encoded);
    }

    // ---- negative-test helpers: everything below is forbidden in VT1 ----

    /**
     * An integer whose argument takes exactly {@code argumentBytes} (1, 2, 4 or 8) following
     * bytes, e.g. {@code integerWithArgumentBytes(1, 1)} is {@code 18 01} instead of {@code 01}.
     */
    public static CborInteger integerWithArgumentBytes(long value, int argumentBytes) {
        if (argumentBytes != 1 && argumentBytes != 2 && argumentBytes != 4 && argumentBytes != 8) {
            throw new IllegalArgumentException("argumentBytes must be 1, 2, 4 or 8");
        }
        return CborInteger.withArgumentWidth(value, argumentBytes);
    }

    public static CborFloat float64(double value) {
        return CborFloat.dbl(value);
    }

    public static CborFloat float32(float value) {
        return CborFloat.single(value);
    }

    /** A half-precision float, rounded to nearest by {@link Float#floatToFloat16}. */
    public static CborFloat float16(float value) {
        return CborFloat.half(Float.floatToFloat16(value));
    }

    public static CborSimple undefined() {
        return CborSimple.UNDEFINED;
    }

    public static CborIndefinite indefiniteArray(CborValue... items) {
        return new CborIndefinite(CborHead.ARRAY, Arrays.asList(items));
    }

    /** The entries of {@code entries} (duplicates included), in an indefinite-length map. */
    public static CborIndefinite indefiniteMap(CborMapBuilder entries) {
        List<CborValue> items = new ArrayList<>();
        for (CborMapBuilder.Entry entry : entries.entries()) {
            items.add(entry.key());
            items.add(entry.value());
        }
        return new CborIndefinite(CborHead.MAP, items);
    }

    /** An indefinite-length byte string made of definite-length chunks. */
    public static CborIndefinite indefiniteBytes(byte[]... chunks) {
        return new CborIndefinite(CborHead.BYTES, Arrays.stream(chunks).map(Cbor::bytes).toList());
    }

    public static CborIndefinite indefiniteText(String... chunks) {
        return new CborIndefinite(CborHead.TEXT, Arrays.stream(chunks).map(Cbor::text).toList());
    }

    /**
     * A copy in which every map, at any depth, is a fresh {@link CborMapBuilder}: editing the
     * copy never reaches the original. (Everything else is immutable and shared.)
     */
    public static CborValue copyOf(CborValue value) {
        return switch (value) {
            case CborMapBuilder map -> map.copy();
            case CborArray array -> new CborArray(array.items().stream().map(Cbor::copyOf).toList());
            case CborTag tag -> new CborTag(tag.tag(), copyOf(tag.content()));
            case CborIndefinite indefinite -> new CborIndefinite(indefinite.majorType(),
                    indefinite.items().stream().map(Cbor::copyOf).toList());
            default -> value;
        };
    }
}
