package org.vitaleterminal.credential.cbor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;

/**
 * A strict CBOR (RFC 8949) decoder for small, untrusted inputs. Every deviation from the profile
 * is a {@link Reason#FORMAT} rejection, never an exception or a large allocation: declared
 * lengths are checked against the bytes actually left before anything is allocated, and nesting
 * stops at the profile's depth, so a 10,000-deep input costs nine steps.
 */
public final class CborDecoder {
    private final byte[] data;
    private final int end;
    private final CborProfile profile;
    private int position;

    private CborDecoder(byte[] data, int offset, int length, CborProfile profile) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("bad slice");
        }
        this.data = data;
        this.position = offset;
        this.end = offset + length;
        this.profile = profile;
    }

    /** Decodes exactly one item that must fill {@code data} completely. */
    public static CborItem decode(byte[] data, CborProfile profile) throws Rejection {
        return decode(data, 0, data.length, profile);
    }

    public static CborItem decode(byte[] data, int offset, int length, CborProfile profile) throws Rejection {
        CborDecoder decoder = new CborDecoder(data, offset, length, profile);
        if (length == 0) {
            throw format("empty input");
        }
        CborItem item = decoder.readItem(0);
        if (decoder.position != decoder.end) {
            throw format("bytes after the item");
        }
        return item;
    }

    private CborItem readItem(int depth) throws Rejection {
        int initial = readByte();
        int major = initial >>> 5;
        int info = initial & 0x1F;
        if (major == 7) {
            return readSimple(info);
        }
        if (info == 31) {
            throw format("indefinite length");
        }
        long argument = readArgument(info);
        return switch (major) {
            case 0 -> {
                if (argument < 0) {
                    throw format("integer beyond 64-bit range");
                }
                yield new CborInteger(argument);
            }
            case 1 -> {
                if (argument < 0) {
                    throw format("integer beyond 64-bit range");
                }
                yield new CborInteger(-1 - argument);
            }
            case 2 -> new CborBytes(readBytes(argument));
            case 3 -> new CborText(readText(argument));
            case 4 -> readArray(argument, depth + 1);
            case 5 -> readMap(argument, depth + 1);
            case 6 -> readTag(argument, depth + 1);
            default -> throw new AssertionError(major);
        };
    }

    private CborItem readSimple(int info) throws Rejection {
        return switch (info) {
            case 20 -> new CborBoolean(false);
            case 21 -> new CborBoolean(true);
            case 22 -> new CborNull();
            case 23 -> throw format("undefined");
            case 25, 26, 27 -> throw format("floating-point number");
            case 31 -> throw format("unexpected break");
            default -> throw format("unassigned simple value");
        };
    }

    /** Reads the argument; a value above Long.MAX_VALUE comes back negative. */
    private long readArgument(int info) throws Rejection {
        if (info < 24) {
            return info;
        }
        int size = switch (info) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            default -> throw format("reserved additional information");
        };
        need(size);
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    private byte[] readBytes(long length) throws Rejection {
        int n = checkedLength(length, 1);
        byte[] out = new byte[n];
        System.arraycopy(data, position, out, 0, n);
        position += n;
        return out;
    }

    private String readText(long length) throws Rejection {
        int n = checkedLength(length, 1);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, position, n))
                    .toString();
            position += n;
            return text;
        } catch (CharacterCodingException e) {
            throw format("text is not valid UTF-8");
        }
    }

    private CborArray readArray(long count, int depth) throws Rejection {
        checkDepth(depth);
        int n = checkedLength(count, 1);
        List<CborItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(readItem(depth));
        }
        return new CborArray(items);
    }

    private CborMap readMap(long count, int depth) throws Rejection {
        checkDepth(depth);
        int n = checkedLength(count, 2);
        LinkedHashMap<CborItem, CborItem> entries = new LinkedHashMap<>(Math.max(4, n * 2));
        for (int i = 0; i < n; i++) {
            CborItem key = readItem(depth);
            if (!(key instanceof CborInteger) && !(key instanceof CborText)) {
                throw format("map key that is not an integer or text");
            }
            CborItem value = readItem(depth);
            if (entries.putIfAbsent(key, value) != null) {
                throw format("duplicate map key");
            }
        }
        return new CborMap(entries);
    }

    private CborTag readTag(long tag, int depth) throws Rejection {
        checkDepth(depth);
        // A tag number above Long.MAX_VALUE arrives negative (see readArgument); refuse it here
        // rather than let it match an allow-list entry and come out as a different tag number.
        if (tag < 0) {
            throw format("tag number beyond 64-bit range");
        }
        if (!profile.allowedTags().contains(tag)) {
            throw format("tag not allowed here");
        }
        if (position >= end) {
            throw format("tag without content");
        }
        return new CborTag(tag, readItem(depth));
    }

    private void checkDepth(int depth) throws Rejection {
        if (depth > profile.maxDepth()) {
            throw format("nesting deeper than " + profile.maxDepth());
        }
    }

    /**
     * Turns a declared element count or byte length into an int after checking that the input
     * still holds at least {@code minBytesEach} bytes per element: a 9-byte header cannot make us
     * allocate gigabytes.
     */
    private int checkedLength(long declared, int minBytesEach) throws Rejection {
        long available = end - position;
        if (declared < 0 || declared > available / minBytesEach) {
            throw format("declared length beyond the input");
        }
        return (int) declared;
    }

    private int readByte() throws Rejection {
        need(1);
        return data[position++] & 0xFF;
    }

    private void need(int n) throws Rejection {
        if (end - position < n) {
            throw format("truncated input");
        }
    }

    private static Rejection format(String detail) {
        return new Rejection(Reason.FORMAT, "cbor: " + detail);
    }
}
