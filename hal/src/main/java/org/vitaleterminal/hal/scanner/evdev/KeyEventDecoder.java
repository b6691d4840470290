package org.vitaleterminal.hal.scanner.evdev;

import java.util.BitSet;
import java.util.Objects;
import org.vitaleterminal.hal.scanner.LineAssembler;

/**
 * Rebuilds typed text from key events, as a console would for a keyboard with this layout:
 * shift (left or right) held or not, Enter or keypad Enter ends a line.
 *
 * <p>Choices that differ from a console, on purpose:
 * <ul>
 *   <li>Autorepeat events (value 2) type nothing. The kernel makes them only when a key stays
 *       down past the repeat delay (250 ms by default), which a scanner typing a character per
 *       millisecond never means to do: it means the USB stream stalled between press and
 *       release, and the scanner's intent was one character.
 *   <li>A key that types no character on the layout (Tab, a dead key, an arrow...), or any key
 *       while Ctrl, Alt, AltGr or Meta is down, garbles the line: it is dropped at its end
 *       rather than delivered with a hole.
 *   <li>{@code SYN_DROPPED} (the kernel lost events) garbles the line too, and forgets the
 *       modifiers: their releases may be among the lost events.
 *   <li>Caps Lock toggles the case of letters only (as on Linux), Num Lock and Scroll Lock
 *       are ignored.
 * </ul>
 */
public final class KeyEventDecoder {
    private final KeyboardLayout layout;
    private final LineAssembler out;
    private boolean leftShift;
    private boolean rightShift;
    private boolean capsLock;
    /** Ctrl, Alt, AltGr, Meta keys held down, by key code. */
    private final BitSet otherModifiers = new BitSet();

    public KeyEventDecoder(KeyboardLayout layout, LineAssembler out) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.out = Objects.requireNonNull(out, "out");
    }

    public void accept(InputEvent event) {
        if (event.type() == InputEvent.EV_SYN && event.code() == InputEvent.SYN_DROPPED) {
            out.garble();
            forgetModifiers();
            return;
        }
        if (event.type() != InputEvent.EV_KEY) {
            return; // EV_SYN reports, EV_MSC scan codes, EV_LED...: nothing typed
        }
        int code = event.code();
        int value = event.value();
        if (updateModifier(code, value)) {
            return;
        }
        if (value == InputEvent.RELEASE || value == InputEvent.REPEAT) {
            return;
        }
        if (value != InputEvent.PRESS) {
            out.garble(); // no such key state: the stream is not what it claims to be
            return;
        }
        switch (code) {
            case KeyCodes.KEY_ENTER, KeyCodes.KEY_KPENTER -> out.endLine();
            case KeyCodes.KEY_CAPSLOCK -> capsLock = !capsLock;
            case KeyCodes.KEY_NUMLOCK, KeyCodes.KEY_SCROLLLOCK -> { }
            default -> type(code);
        }
    }

    /** The device went away: a new device starts with no key down. */
    public void reset() {
        forgetModifiers();
        capsLock = false;
    }

    private void type(int code) {
        if (!otherModifiers.isEmpty()) {
            out.garble();
            return;
        }
        int c = layout.charFor(code, leftShift || rightShift);
        if (c == KeyboardLayout.NONE) {
            out.garble();
            return;
        }
        if (capsLock && Character.isLetter(c)) {
            c = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        }
        out.append((char) c);
    }

    /** @return true if {@code code} is a modifier key (its state is then updated) */
    private boolean updateModifier(int code, int value) {
        if (value == InputEvent.REPEAT) {
            return isModifier(code);
        }
        boolean down = value != InputEvent.RELEASE;
        switch (code) {
            case KeyCodes.KEY_LEFTSHIFT -> leftShift = down;
            case KeyCodes.KEY_RIGHTSHIFT -> rightShift = down;
            case KeyCodes.KEY_LEFTCTRL, KeyCodes.KEY_RIGHTCTRL, KeyCodes.KEY_LEFTALT, KeyCodes.KEY_RIGHTALT,
                    KeyCodes.KEY_LEFTMETA, KeyCodes.KEY_RIGHTMETA -> otherModifiers.set(code, down);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean isModifier(int code) {
        return switch (code) {
            case KeyCodes.KEY_LEFTSHIFT, KeyCodes.KEY_RIGHTSHIFT, KeyCodes.KEY_LEFTCTRL, KeyCodes.KEY_RIGHTCTRL,
                    KeyCodes.KEY_LEFTALT, KeyCodes.KEY_RIGHTALT, KeyCodes.KEY_LEFTMETA, KeyCodes.KEY_RIGHTMETA -> true;
            default -> false;
        };
    }

    private void forgetModifiers() {
        leftShift = false;
        rightShift = false;
        otherModifiers.clear();
    }
}
