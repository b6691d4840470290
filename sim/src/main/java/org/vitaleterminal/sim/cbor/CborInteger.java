package org.vitaleterminal.sim.cbor;

import java.io.ByteArrayOutputStream;

/**
 * An integer (major type 0 or 1), normally with the shortest argument. A fixed argument width
 * can be asked for, to test that a strict decoder refuses non-shortest forms.
 */
public final class CborInteger implements CborValue {
    private static final int SHORTEST = -1;

    private final long value;
    private final int argumentWidth;

    private CborInteger(long value, int argumentWidth) {
        this.value = value;
        this.argumentWidth = argumentWidth;
    }

    static CborInteger shortest(long value) {
        return new CborInteger(value, SHORTEST);
    }

    static CborInteger withArgumentWidth(long value, int argumentWidth) {
        CborInteger integer = new CborInteger(value, argumentWidth);
        integer.encode(); // fail now, not later, when the value does not fit the width
        return integer;
    }

    public long value() {
        return value;
    }

    @Override
    public void encodeTo(ByteArrayOutputStream out) {
        // A negative n is written as major type 1 with argument -1 - n, which never overflows.
        int major = value >= 0 ? CborHead.UNSIGNED : CborHead.NEGATIVE;
        long argument = value >= 0 ? value : -1 - value;
        if (argumentWidth == SHORTEST) {
            CborHead.write(out, major, argument);
        } else {
            CborHead.write(out, major, argument, argumentWidth);
        }
    }

    @Override
    public String toString() {
        return argumentWidth == SHORTEST ? Long.toString(value) : value + "_" + argumentWidthIndicator();
    }

    private int argumentWidthIndicator() {
        // RFC 8949 §8.1: _0.._3 mark 1, 2, 4, 8 following bytes.
        return switch (argumentWidth) {
            case 1 -> 0;
            case 2 -> 1;
            case 4 -> 2;
            default -> 3;
        };
    }
}
