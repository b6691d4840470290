package org.vitaleterminal.credential.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborArray;
import org.vitaleterminal.credential.cbor.CborBoolean;
import org.vitaleterminal.credential.cbor.CborBytes;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborInteger;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborMap;
import org.vitaleterminal.credential.cbor.CborNull;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.credential.cbor.CborTag;
import org.vitaleterminal.credential.cbor.CborText;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.cbor.CborValue;

/**
 * A structure-aware CBOR mutator for the layers the harnesses sign themselves. Byte-level
 * mutations of a signed claims map mostly break its CBOR; to test what the claims decoders do
 * with well-formed but hostile values, this decodes a seed, applies a few edits that the fuzz
 * input chooses (replace any item with an extreme integer, a time outside {@link Instant}'s
 * range, a byte or text string of another size, another type, a copy of another item; delete an
 * item; add or duplicate a map entry; wrap an item in an array or map), and encodes the result
 * again (shortest form, with the sim's encoder). The same input always gives the same edits.
 */
public final class CborEdits {
    /** Decodes anything the VT1 and HC1 payloads may hold, a little deeper, so edits can add a level. */
    private static final CborProfile ANY = new CborProfile(16, Set.of(0L, 18L, 61L));

    private static final long[] INTERESTING = {
        0, 1, -1, 2, 7, 23, 24, -24, -25, 255, 256, 65_535, 65_536, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
        Integer.MIN_VALUE, Integer.MIN_VALUE - 1L, 0xFFFF_FFFFL, 1L << 32, 1L << 53, Long.MAX_VALUE, Long.MIN_VALUE,
        // times: the HC1 bound (9999-12-31T23:59:59Z) and just past it, and Instant's own limits
        253_402_300_799L, 253_402_300_800L, Instant.MAX.getEpochSecond(), Instant.MAX.getEpochSecond() + 1,
        Instant.MIN.getEpochSecond(), Instant.MIN.getEpochSecond() - 1,
        FuzzFixture.NOW.getEpochSecond(), FuzzFixture.NOW.getEpochSecond() + 300, FuzzFixture.NOW.getEpochSecond() - 301,
    };

    private CborEdits() {}

    /** A tag around an item, in the editable tree. */
    private record Tagged(long tag, Object content) {}

    /** A map entry, in the editable tree (a map is a list of them, so keys may repeat). */
    private static final class Entry {
        Object key;
        Object value;

        Entry(Object key, Object value) {
            this.key = key;
            this.value = value;
        }
    }

    private static final Object NULL = new Object();

    /** Where an item sits: in a list (by index) or in a map (as the value of entry {@code index}). */
    private record Slot(Object container, int index) {}

    /** The fuzz input as a stream of choices; past its end every choice is 0. */
    static final class Choices {
        private final byte[] bytes;
        private int position;

        Choices(byte[] bytes) {
            this.bytes = bytes;
        }

        int next(int bound) {
            int value = (nextByte() << 8 | nextByte()) & 0xFFFF;
            return bound <= 0 ? 0 : value % bound;
        }

        long nextLong() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 8 | nextByte();
            }
            return value;
        }

        byte[] nextBytes(int n) {
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = (byte) nextByte();
            }
            return out;
        }

        private int nextByte() {
            return position < bytes.length ? bytes[position++] & 0xFF : 0;
        }
    }

    /**
     * {@code seed} (CBOR) with one to four edits chosen by {@code script}; the seed itself when it
     * does not decode.
     */
    public static byte[] edit(byte[] seed, byte[] script) {
        Object root;
        try {
            root = fromItem(CborDecoder.decode(seed, ANY));
        } catch (Rejection e) {
            return seed;
        }
        Choices choices = new Choices(script);
        List<Object> top = new ArrayList<>(List.of(root));
        int edits = 1 + choices.next(4);
        for (int i = 0; i < edits; i++) {
            List<Slot> slots = new ArrayList<>();
            collect(top, slots);
            Slot slot = slots.get(choices.next(slots.size()));
            apply(slot, slots, choices);
            if (top.isEmpty()) {
                top.add(NULL);
            }
        }
        return toValue(top.get(0)).encode();
    }

    private static void apply(Slot slot, List<Slot> slots, Choices choices) {
        Object current = get(slot);
        switch (choices.next(8)) {
            case 0, 1, 2 -> set(slot, newValue(choices, slots));
            case 3 -> { // delete: an element or a whole map entry
                if (slot.container() instanceof List<?> list) {
                    list.remove(slot.index());
                } else {
                    ((MapNode) slot.container()).entries.remove(slot.index());
                }
            }
            case 4 -> { // add an entry to a map, or an element to an array
                if (current instanceof List<?> list) {
                    @SuppressWarnings("unchecked")
                    List<Object> items = (List<Object>) list;
                    items.add(choices.next(items.size() + 1), newValue(choices, slots));
                } else if (current instanceof MapNode map) {
                    Object key = choices.next(2) == 0 ? (Object) (long) (choices.next(24) - 8)
                            : new String(choices.nextBytes(choices.next(4)), StandardCharsets.ISO_8859_1);
                    map.entries.add(choices.next(map.entries.size() + 1), new Entry(key, newValue(choices, slots)));
                } else {
                    set(slot, newValue(choices, slots));
                }
            }
            case 5 -> { // duplicate a map entry (same key twice)
                if (current instanceof MapNode map && !map.entries.isEmpty()) {
                    Entry entry = map.entries.get(choices.next(map.entries.size()));
                    map.entries.add(new Entry(entry.key, copy(entry.value)));
                } else {
                    set(slot, newValue(choices, slots));
                }
            }
            case 6 -> set(slot, choices.next(2) == 0 ? new ArrayList<>(List.of(current))
                    : new MapNode(new ArrayList<>(List.of(new Entry((long) choices.next(8), current)))));
            default -> set(slot, copy(get(slots.get(choices.next(slots.size())))));
        }
    }

    private static Object newValue(Choices choices, List<Slot> slots) {
        return switch (choices.next(10)) {
            case 0, 1 -> INTERESTING[choices.next(INTERESTING.length)];
            case 2 -> choices.nextLong();
            case 3 -> (long) (choices.next(64) - 32);
            case 4 -> choices.nextBytes(choices.next(3) == 0 ? choices.next(600) : choices.next(40));
            case 5 -> {
                String[] texts = {"", "X", "FR-CNAM", "1", "2", "01", "19800101", "20250602", "99999999", "00000000",
                        "1800175123456", "\u00e9", "\ud83d\ude00", "0".repeat(13), "A".repeat(300)};
                yield choices.next(2) == 0 ? texts[choices.next(texts.length)]
                        : new String(choices.nextBytes(choices.next(24)), StandardCharsets.ISO_8859_1);
            }
            case 6 -> choices.next(2) == 0;
            case 7 -> NULL;
            case 8 -> choices.next(2) == 0 ? new ArrayList<>() : new MapNode(new ArrayList<>());
            default -> copy(get(slots.get(choices.next(slots.size()))));
        };
    }

    /** A map in the editable tree. */
    private record MapNode(List<Entry> entries) {}

    private static void collect(Object container, List<Slot> slots) {
        if (container instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                slots.add(new Slot(list, i));
                collect(list.get(i), slots);
            }
        } else if (container instanceof MapNode map) {
            for (int i = 0; i < map.entries.size(); i++) {
                slots.add(new Slot(map, i));
                collect(map.entries.get(i).value, slots);
            }
        } else if (container instanceof Tagged tagged) {
            collect(tagged.content(), slots);
        }
    }

    private static Object get(Slot slot) {
        return slot.container() instanceof List<?> list ? list.get(slot.index())
                : ((MapNode) slot.container()).entries.get(slot.index()).value;
    }

    @SuppressWarnings("unchecked")
    private static void set(Slot slot, Object value) {
        if (slot.container() instanceof List<?> list) {
            ((List<Object>) list).set(slot.index(), value);
        } else {
            ((MapNode) slot.container()).entries.get(slot.index()).value = value;
        }
    }

    private static Object copy(Object value) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(copy(item)));
            return out;
        }
        if (value instanceof MapNode map) {
            List<Entry> out = new ArrayList<>();
            map.entries.forEach(entry -> out.add(new Entry(entry.key, copy(entry.value))));
            return new MapNode(out);
        }
        if (value instanceof Tagged tagged) {
            return new Tagged(tagged.tag(), copy(tagged.content()));
        }
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    private static Object fromItem(CborItem item) {
        return switch (item) {
            case CborInteger integer -> integer.value();
            case CborBytes bytes -> bytes.value();
            case CborText text -> text.value();
            case CborBoolean bool -> bool.value();
            case CborNull ignored -> NULL;
            case CborArray array -> {
                List<Object> items = new ArrayList<>();
                array.items().forEach(element -> items.add(fromItem(element)));
                yield items;
            }
            case CborMap map -> {
                List<Entry> entries = new ArrayList<>();
                map.entries().forEach((key, value) -> entries.add(new Entry(fromItem(key), fromItem(value))));
                yield new MapNode(entries);
            }
            case CborTag tag -> new Tagged(tag.tag(), fromItem(tag.content()));
        };
    }

    private static CborValue toValue(Object value) {
        if (value instanceof Long integer) {
            return Cbor.integer(integer);
        }
        if (value instanceof byte[] bytes) {
            return Cbor.bytes(bytes);
        }
        if (value instanceof String text) {
            return Cbor.text(text);
        }
        if (value instanceof Boolean bool) {
            return Cbor.bool(bool);
        }
        if (value instanceof List<?> list) {
            return Cbor.array(list.stream().map(CborEdits::toValue).toList());
        }
        if (value instanceof MapNode map) {
            CborMapBuilder out = Cbor.map();
            for (Entry entry : map.entries) {
                out.putDuplicate(toValue(entry.key), toValue(entry.value));
            }
            return out;
        }
        if (value instanceof Tagged tagged) {
            return Cbor.tag(tagged.tag(), toValue(tagged.content()));
        }
        return Cbor.nul();
    }

    /** For seeds: a few edit scripts drawn from a seeded random (the fuzzer takes it from there). */
    public static List<byte[]> scripts(long seed, int count) {
        java.util.Random random = new java.util.Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] script = new byte[24];
            random.nextBytes(script);
            out.add(script);
        }
        return out;
    }

    static byte[] concat(byte[] head, byte[] tail) {
        byte[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }
}
