package org.vitaleterminal.credential.hc1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small CBOR writer and a lenient reader for the tests, written independently of the
 * production decoder so that tests never check the verifier against itself. The writer builds
 * hostile messages (floats, tags, odd headers); the reader accepts everything the production
 * decoder refuses (floats in particular) so a test can see where they are.
 */
final class TestCbor {
    private TestCbor() {}

    /** A tagged item. */
    record Tagged(long tag, Object content) {}

    /** Bytes that are already CBOR, written as they are. */
    record Raw(byte[] encoded) {}

    /** An ordered map literal: {@code map(1, -7, 4, kid)}. */
    static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static byte[] encode(Object item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, item);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object item) {
        if (item == null) {
            out.write(0xF6);
        } else if (item instanceof Boolean b) {
            out.write(b ? 0xF5 : 0xF4);
        } else if (item instanceof Integer || item instanceof Long) {
            long v = ((Number) item).longValue();
            if (v >= 0) {
                head(out, 0, v);
            } else {
                head(out, 1, -1 - v);
            }
        } else if (item instanceof Double d) {
            out.write(0xFB);
            long bits = Double.doubleToLongBits(d);
            for (int i = 7; i >= 0; i--) {
                out.write((int) (bits >>> (8 * i)));
            }
        } else if (item instanceof byte[] bytes) {
            head(out, 2, bytes.length);
            out.writeBytes(bytes);
        } else if (item instanceof String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            head(out, 3, utf8.length);
            out.writeBytes(utf8);
        } else if (item instanceof List<?> list) {
            head(out, 4, list.size());
            list.forEach(element -> write(out, element));
        } else if (item instanceof Map<?, ?> map) {
            head(out, 5, map.size());
            map.forEach((k, v) -> {
                write(out, k);
                write(out, v);
            });
        } else if (item instanceof Tagged tagged) {
            head(out, 6, tagged.tag());
            write(out, tagged.content());
        } else if (item instanceof Raw raw) {
            out.writeBytes(raw.encoded());
        } else {
            throw new IllegalArgumentException("cannot encode " + item.getClass());
        }
    }

    private static void head(ByteArrayOutputStream out, int major, long value) {
        int type = major << 5;
        if (value < 24) {
            out.write(type | (int) value);
        } else if (value < 0x100) {
            out.write(type | 24);
            out.write((int) value);
        } else if (value < 0x10000) {
            out.write(type | 25);
            out.write((int) (value >>> 8));
            out.write((int) value);
        } else if (value < 0x100000000L) {
            out.write(type | 26);
            for (int i = 3; i >= 0; i--) {
                out.write((int) (value >>> (8 * i)));
            }
        } else {
            out.write(type | 27);
            for (int i = 7; i >= 0; i--) {
                out.write((int) (value >>> (8 * i)));
            }
        }
    }

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
