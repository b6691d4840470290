package org.vitaleterminal.credential.hc1;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lenient CBOR reader for the tests, written independently of the production decoder so that
 * tests never check the verifier against itself: it accepts what the production decoder refuses
 * (floats in particular) so a test can see where they are. Tests build their CBOR with the sim
 * module's encoder ({@code org.vitaleterminal.sim.cbor.Cbor}).
 */
final class LenientCborReader {
    private LenientCborReader() {}

    /** A tagged item. */
    record Tagged(long tag, Object content) {}

    /** Lenient decode of one item (trailing bytes ignored): floats come back as {@link Double}. */
    static Object decode(byte[] data) {
        return new Reader(data).read();
    }

    private static final class Reader {
        private final byte[] data;
        private int position;

        Reader(byte[] data) {
            this.data = data;
        }

        Object read() {
            int initial = data[position++] & 0xFF;
            int major = initial >>> 5;
            int info = initial & 0x1F;
            if (major == 7) {
                return switch (info) {
                    case 20 -> Boolean.FALSE;
                    case 21 -> Boolean.TRUE;
                    case 22, 23 -> null;
                    case 25 -> (double) Float.float16ToFloat((short) argument(2));
                    case 26 -> (double) Float.intBitsToFloat((int) argument(4));
                    case 27 -> Double.longBitsToDouble(argument(8));
                    default -> throw new IllegalArgumentException("simple value " + info);
                };
            }
            long value = info < 24 ? info : argument(1 << (info - 24));
            return switch (major) {
                case 0 -> value;
                case 1 -> -1 - value;
                case 2 -> bytes((int) value);
                case 3 -> new String(bytes((int) value), StandardCharsets.UTF_8);
                case 4 -> {
                    List<Object> list = new ArrayList<>();
                    for (long i = 0; i < value; i++) {
                        list.add(read());
                    }
                    yield list;
                }
                case 5 -> {
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (long i = 0; i < value; i++) {
                        map.put(read(), read());
                    }
                    yield map;
                }
                default -> new Tagged(value, read());
            };
        }

        private long argument(int size) {
            long value = 0;
            for (int i = 0; i < size; i++) {
                value = (value << 8) | (data[position++] & 0xFF);
            }
            return value;
        }

        private byte[] bytes(int length) {
            byte[] out = java.util.Arrays.copyOfRange(data, position, position + length);
            position += length;
            return out;
        }
    }
}
