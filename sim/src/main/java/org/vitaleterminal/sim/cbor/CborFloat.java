package org.vitaleterminal.sim.cbor;

import java.io.ByteArrayOutputStream;

/**
 * A floating-point number (major type 7, half, single or double precision). VT1 forbids
 * floats; this exists only so that tests can put one where an integer belongs.
 */
public final class CborFloat implements CborValue {
    private final int width;
    private final long bits;

    private CborFloat(int width, long bits) {
        this.width = width;
        this.bits = bits;
    }

    static CborFloat half(short bits) {
        return new CborFloat(2, bits & 0xFFFFL);
    }

    static CborFloat single(float value) {
        return new CborFloat(4, Float.floatToRawIntBits(value) & 0xFFFF_FFFFL);
    }

    static CborFloat dbl(double value) {
        return new CborFloat(8, Double.doubleToRawLongBits(value));
    }

    @Override
    public void encodeTo(ByteArrayOutputStream out) {
        CborHead.write(out, CborHead.SIMPLE_OR_FLOAT, bits, width);
    }

    public double value() {
        return switch (width) {
            case 2 -> Float.float16ToFloat((short) bits);
            case 4 -> Float.intBitsToFloat((int) bits);
            default -> Double.longBitsToDouble(bits);
        };
    }

    @Override
    public String toString() {
        // The _1 / _2 / _3 suffix of RFC 8949 §8.1 says which precision was written.
        return value() + "_" + (width == 2 ? 1 : width == 4 ? 2 : 3);
    }
}
