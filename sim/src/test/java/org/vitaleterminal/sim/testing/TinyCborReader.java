package org.vitaleterminal.sim.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately small, strict CBOR reader for the tests: an implementation separate from the
 * encoder under test, so that the two cannot share a mistake. Definite lengths only (like VT1);
 * it refuses duplicate map keys, non-shortest arguments and trailing bytes.
 *
 * <p>Items become: Long, byte[], String, List, LinkedHashMap (keys Long or String), Boolean,
 * {@link #NULL}, Double, {@link Tagged}.
 */
public final class TinyCborReader {
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    public record Tagged(long tag, Object content) {
    }

    private final byte[] data;
    private int position;

    private TinyCborReader(byte[] data) {
        this.data = data;
    }

    public static Object decode(byte[] data) {
        TinyCborReader reader = new TinyCborReader(data);
        Object item = reader.read();
        if (reader.position != data.length) {
            throw new IllegalArgumentException("trailing bytes after the item");
        }
        return item;
    }

    @SuppressWarnings("unchecked")
    public static Map<Object, Object> decodeMap(byte[] data) {
        return (Map<Object, Object>) decode(data);
    }

    private Object read() {
        int initial = next();
        int major = initial >>> 5;
        int info = initial & 0x1F;
        if (major == 7) {
            return simpleOrFloat(info);
        }
        long argument = argument(info);
        return switch (major) {
            case 0 -> checkedLong(argument);
            case 1 -> -1 - checkedLong(argument);
            case 2 -> take(length(argument));
            case 3 -> new String(take(length(argument)), StandardCharsets.UTF_8);
            case 4 -> {
                List<Object> items = new ArrayList<>();
                for (long i = 0; i < argument; i++) {
                    items.add(read());
                }
                yield items;
            }
            case 5 -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (long i = 0; i < argument; i++) {
                    Object key = read();
                    if (map.containsKey(key)) {
                        throw new IllegalArgumentException("duplicate map key " + key);
                    }
                    map.put(key, read());
                }
                yield map;
            }
            default -> new Tagged(argument, read());
        };
    }

    private Object simpleOrFloat(int info) {
        return switch (info) {
            case 20 -> Boolean.FALSE;
            case 21 -> Boolean.TRUE;
            case 22 -> NULL;
            case 25 -> (double) Float.float16ToFloat((short) fixed(2));
            case 26 -> (double) Float.intBitsToFloat((int) fixed(4));
            case 27 -> Double.longBitsToDouble(fixed(8));
            default -> throw new IllegalArgumentException("unsupported simple value " + info);
        };
    }

    private long argument(int info) {
        if (info < 24) {
            return info;
        }
        int width = switch (info) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            default -> throw new IllegalArgumentException("indefinite length or reserved info " + info);
        };
        long value = fixed(width);
        long smallest = width == 1 ? 24 : 1L << (8 * (width / 2));
        if (Long.compareUnsigned(value, smallest) < 0) {
            throw new IllegalArgumentException("non-shortest argument");
        }
        return value;
    }

    private long fixed(int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | next();
        }
        return value;
    }

    private static long checkedLong(long argument) {
        if (argument < 0) {
            throw new IllegalArgumentException("integer beyond 2^63");
        }
        return argument;
    }

    private int length(long argument) {
        if (argument < 0 || argument > data.length - position) {
            throw new IllegalArgumentException("length beyond the input");
        }
        return (int) argument;
    }

    private byte[] take(int length) {
        byte[] out = java.util.Arrays.copyOfRange(data, position, position + length);
        position += length;
        return out;
    }

    private int next() {
        if (position >= data.length) {
            throw new IllegalArgumentException("truncated");
        }
        return data[position++] & 0xFF;
    }
}
