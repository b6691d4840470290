package org.vitaleterminal.hal.scanner.evdev;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes {@code struct input_event} streams as a USB keyboard-wedge scanner produces them: for
 * each character, shift down if needed, an {@code EV_MSC} scan code, the key press, a
 * {@code SYN_REPORT}, the release, shift up. Written for the tests from linux/input.h and the
 * keyboards themselves, on purpose without any production table: if both were wrong the same
 * way, the tests would not see it.
 */
final class RecordedKeyboard {
    static final int EV_SYN = 0;
    static final int EV_KEY = 1;
    static final int EV_MSC = 4;
    static final int MSC_SCAN = 4;
    static final int LEFT_SHIFT = 42;
    static final int RIGHT_SHIFT = 54;
    static final int ENTER = 28;
    static final int KP_ENTER = 96;

    /** A key to press, with or without shift. */
    record Stroke(int code, boolean shift) {}

    /** linux/input-event-codes.h, letter by letter (physical US positions). */
    private static final Map<Character, Integer> LETTER_KEYS = Map.ofEntries(
            Map.entry('A', 30), Map.entry('B', 48), Map.entry('C', 46), Map.entry('D', 32), Map.entry('E', 18),
            Map.entry('F', 33), Map.entry('G', 34), Map.entry('H', 35), Map.entry('I', 23), Map.entry('J', 36),
            Map.entry('K', 37), Map.entry('L', 38), Map.entry('M', 50), Map.entry('N', 49), Map.entry('O', 24),
            Map.entry('P', 25), Map.entry('Q', 16), Map.entry('R', 19), Map.entry('S', 31), Map.entry('T', 20),
            Map.entry('U', 22), Map.entry('V', 47), Map.entry('W', 17), Map.entry('X', 45), Map.entry('Y', 21),
            Map.entry('Z', 44));
    /** KEY_1 = 2 ... KEY_9 = 10, KEY_0 = 11. */
    private static int digitKey(char d) {
        return d == '0' ? 11 : 2 + (d - '1');
    }

    /** What a US-configured scanner presses for each Base45 character (and a few more). */
    static Map<Character, Stroke> us() {
        Map<Character, Stroke> t = new HashMap<>();
        LETTER_KEYS.forEach((c, code) -> {
            t.put(c, new Stroke(code, true));
            t.put(Character.toLowerCase(c), new Stroke(code, false));
        });
        for (char d = '0'; d <= '9'; d++) {
            t.put(d, new Stroke(digitKey(d), false));
        }
        t.put(' ', new Stroke(57, false));
        t.put('$', new Stroke(5, true));   // shift+4 (KEY_4 = 5)
        t.put('%', new Stroke(6, true));   // shift+5
        t.put('*', new Stroke(9, true));   // shift+8 (KEY_8 = 9)
        t.put('+', new Stroke(13, true));  // shift+=
        t.put('-', new Stroke(12, false));
        t.put('.', new Stroke(52, false));
        t.put('/', new Stroke(53, false));
        t.put(':', new Stroke(39, true));  // shift+;
        return t;
    }

    /**
     * What a scanner set to French AZERTY presses: the letters A/Q and Z/W swap places and M sits
     * where US has ';'; digits need shift; ':' is unshifted on the US '.' key, '.' and '/' are
     * shift on the US ',' and '.' keys...
     */
    static Map<Character, Stroke> fr() {
        Map<Character, Stroke> t = new HashMap<>();
        Map<Character, Character> moved = Map.of('A', 'Q', 'Q', 'A', 'Z', 'W', 'W', 'Z');
        LETTER_KEYS.forEach((c, code) -> {
            int key = moved.containsKey(c) ? LETTER_KEYS.get(moved.get(c)) : code;
            if (c == 'M') {
                key = 39;
            }
            t.put(c, new Stroke(key, true));
            t.put(Character.toLowerCase(c), new Stroke(key, false));
        });
        for (char d = '0'; d <= '9'; d++) {
            t.put(d, new Stroke(digitKey(d), true));
        }
        t.put(' ', new Stroke(57, false));
        t.put('$', new Stroke(27, false));  // its own key, right of P
        t.put('%', new Stroke(40, true));   // shift+ù
        t.put('*', new Stroke(43, false));  // its own key, left of Enter
        t.put('+', new Stroke(13, true));   // shift+=
        t.put('-', new Stroke(7, false));   // the 6 key
        t.put('.', new Stroke(51, true));   // shift+;
        t.put('/', new Stroke(52, true));   // shift+:
        t.put(':', new Stroke(52, false));
        t.put('&', new Stroke(2, false));
        t.put('é', new Stroke(3, false));
        return t;
    }

    private final EventRecordLayout layout;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long micros = 1_700_000_000_000_000L;

    RecordedKeyboard(EventRecordLayout layout) {
        this.layout = layout;
    }

    RecordedKeyboard event(int type, int code, int value) {
        micros += 1_000; // a scanner types about a key per millisecond
        ByteBuffer b = ByteBuffer.allocate(layout == EventRecordLayout.LP64 ? 24 : 16).order(ByteOrder.LITTLE_ENDIAN);
        if (layout == EventRecordLayout.LP64) {
            b.putLong(micros / 1_000_000).putLong(micros % 1_000_000);
        } else {
            b.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000));
        }
        b.putShort((short) type).putShort((short) code).putInt(value);
        out.writeBytes(b.array());
        return this;
    }

    RecordedKeyboard syn() {
        return event(EV_SYN, 0, 0);
    }

    /** Press (scan code, key, report) then release (scan code, key, report). */
    RecordedKeyboard tap(int code) {
        return press(code).release(code);
    }

    RecordedKeyboard press(int code) {
        return event(EV_MSC, MSC_SCAN, 0x70000 + code).event(EV_KEY, code, 1).syn();
    }

    RecordedKeyboard release(int code) {
        return event(EV_MSC, MSC_SCAN, 0x70000 + code).event(EV_KEY, code, 0).syn();
    }

    RecordedKeyboard repeat(int code) {
        return event(EV_KEY, code, 2).syn();
    }

    /** Types {@code text} with the left shift where needed. */
    RecordedKeyboard type(String text, Map<Character, Stroke> keys) {
        return type(text, keys, LEFT_SHIFT);
    }

    RecordedKeyboard type(String text, Map<Character, Stroke> keys, int shiftKey) {
        for (char c : text.toCharArray()) {
            Stroke s = keys.get(c);
            if (s == null) {
                throw new IllegalArgumentException("no key for '" + c + "' in this test table");
            }
            if (s.shift()) {
                press(shiftKey);
            }
            tap(s.code());
            if (s.shift()) {
                release(shiftKey);
            }
        }
        return this;
    }

    RecordedKeyboard enter() {
        return tap(ENTER);
    }

    RecordedKeyboard line(String text, Map<Character, Stroke> keys) {
        return type(text, keys).enter();
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
