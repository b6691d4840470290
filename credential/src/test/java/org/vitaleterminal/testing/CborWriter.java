package org.vitaleterminal.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal CBOR encoder for building test inputs (COSE_Key maps, hand-made COSE messages,
 * deliberately malformed items). It writes the preferred (shortest) head for every length and
 * performs no checks at all: tests use it to produce exactly the bytes they want.
 */
public final class CborWriter {
    private CborWriter() {}

    /** The head of a data item: major type and argument in the shortest form. */
    public static byte[] head(int major, long argument) {
        int m = major << 5;
        if (argument >= 0 && argument < 24) {
            return new byte[] {(byte) (m | argument)};
        } else if (argument >= 0 && argument < 0x100) {
            return new byte[] {(byte) (m | 24), (byte) argument};
        } else if (argument >= 0 && argument < 0x10000) {
            return new byte[] {(byte) (m | 25), (byte) (argument >>> 8), (byte) argument};
        } else if (argument >= 0 && argument < 0x1_0000_0000L) {
            return new byte[] {(byte) (m | 26), (byte) (argument >>> 24), (byte) (argument >>> 16),
                (byte) (argument >>> 8), (byte) argument};
        }
        byte[] out = new byte[9];
        out[0] = (byte) (m | 27);
        for (int i = 0; i < 8; i++) {
            out[1 + i] = (byte) (argument >>> (56 - 8 * i));
        }
        return out;
    }

    /** A signed integer (major type 0 or 1). */
    public static byte[] integer(long value) {
        return value >= 0 ? head(0, value) : head(1, -1 - value);
    }

    public static byte[] bytes(byte[] value) {
        return concat(head(2, value.length), value);
    }

    public static byte[] text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return concat(head(3, utf8.length), utf8);
    }

    public static byte[] array(byte[]... items) {
        return concat(head(4, items.length), concat(items));
    }

    /** A map from alternating, already encoded keys and values. */
    public static byte[] map(byte[]... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        return concat(head(5, keysAndValues.length / 2), concat(keysAndValues));
    }

    public static byte[] tag(long tag, byte[] item) {
        return concat(head(6, tag), item);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
