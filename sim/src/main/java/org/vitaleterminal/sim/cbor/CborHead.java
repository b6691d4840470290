package org.vitaleterminal.sim.cbor;

import java.io.ByteArrayOutputStream;

/**
 * Writes the initial byte and argument of a data item (RFC 8949 §3): the major type in the top
 * three bits, then the argument either inside the initial byte (below 24) or in 1, 2, 4 or 8
 * following bytes.
 */
final class CborHead {
    static final int UNSIGNED = 0;
    static final int NEGATIVE = 1;
    static final int BYTES = 2;
    static final int TEXT = 3;
    static final int ARRAY = 4;
    static final int MAP = 5;
    static final int TAG = 6;
    static final int SIMPLE_OR_FLOAT = 7;

    /** Additional-information value announcing an indefinite length (and, in major 7, "break"). */
    static final int INDEFINITE = 31;
    static final int BREAK = 0xFF;

    private CborHead() {
    }

    /** Shortest form, as VT1 requires. {@code argument} is read as an unsigned 64-bit number. */
    static void write(ByteArrayOutputStream out, int majorType, long argument) {
        write(out, majorType, argument, shortestWidth(argument));
    }

    /**
     * The argument in exactly {@code width} following bytes (0 = inside the initial byte), even
     * when a shorter form exists: this is how tests produce non-shortest encodings.
     */
    static void write(ByteArrayOutputStream out, int majorType, long argument, int width) {
        int initial = majorType << 5;
        switch (width) {
            case 0 -> {
                if (Long.compareUnsigned(argument, 24) >= 0) {
                    throw new IllegalArgumentException("argument " + Long.toUnsignedString(argument)
                            + " does not fit in the initial byte");
                }
                out.write(initial | (int) argument);
            }
            case 1 -> writeFollowing(out, initial | 24, argument, 1);
            case 2 -> writeFollowing(out, initial | 25, argument, 2);
            case 4 -> writeFollowing(out, initial | 26, argument, 4);
            case 8 -> writeFollowing(out, initial | 27, argument, 8);
            default -> throw new IllegalArgumentException("argument width must be 0, 1, 2, 4 or 8 bytes");
        }
    }

    static int shortestWidth(long argument) {
        if (Long.compareUnsigned(argument, 24) < 0) {
            return 0;
        }
        if (Long.compareUnsigned(argument, 0xFFL) <= 0) {
            return 1;
        }
        if (Long.compareUnsigned(argument, 0xFFFFL) <= 0) {
            return 2;
        }
        if (Long.compareUnsigned(argument, 0xFFFF_FFFFL) <= 0) {
            return 4;
        }
        return 8;
    }

    private static void writeFollowing(ByteArrayOutputStream out, int initial, long argument, int bytes) {
        if (bytes < 8 && (argument >>> (8 * bytes)) != 0) {
            throw new IllegalArgumentException("argument " + Long.toUnsignedString(argument)
                    + " does not fit in " + bytes + " bytes");
        }
        out.write(initial);
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
            out.write((int) (argument >>> shift));
        }
    }
}
