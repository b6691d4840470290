package org.vitaleterminal.hal.scanner.evdev;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which character a key types, with and without shift, on the keyboard layout a wedge scanner
 * is set to. A scanner types a code by pressing the keys that produce its characters on that
 * layout, so reading it with the wrong layout turns digits into {@code &é"'(} and the like: the
 * layout must match the scanner's own setting.
 *
 * <p>Only what a scanner types is mapped: the base and shift levels of the main block, space
 * and the keypad (read as with Num Lock on, which is how scanners use it). Dead keys, AltGr
 * characters, Tab and the like are not characters here: a line holding one is dropped. The
 * Base45 alphabet of VT1 and HC1 texts ({@code 0-9 A-Z space $ % * + - . / :}) needs no AltGr
 * on either layout.
 */
public enum KeyboardLayout {
    /** US QWERTY (the usual factory setting of scanners). */
    US(new String[] {
            "1234567890-=", "!@#$%^&*()_+",
            "qwertyuiop[]", "QWERTYUIOP{}",
            "asdfghjkl;'`", "ASDFGHJKL:\"~",
            "\\", "|",
            "zxcvbnm,./", "ZXCVBNM<>?",
            "\0", "\0"}),
    /**
     * French AZERTY (Linux "fr" layout): the top row types {@code & é " ' ( - è _ ç à ) =} and
     * needs shift for the digits; {@code :} is unshifted, {@code .} and {@code /} are shifted,
     * {@code $} and {@code *} have keys of their own and {@code %} is shift+{@code ù}.
     */
    FR(new String[] {
            "&é\"'(-è_çà)=", "1234567890°+",
            "azertyuiop\0$", "AZERTYUIOP\0£", // \0: the dead circumflex / diaeresis key
            "qsdfghjklmù²", "QSDFGHJKLM%\0",
            "*", "µ",
            "wxcvbn,;:!", "WXCVBN?./§",
            "<", ">"});

    /** Returned by {@link #charFor} for a key that types no character on this layout. */
    public static final int NONE = -1;
    private static final int CODES = 128;
    /** Key positions shared by the layouts (in a holder: an enum constructor cannot read its own statics). */
    private static final class Positions {
        /** First key code of each block in the table: row 1, row 2, row 3 (incl. grave), backslash, row 4, 102nd. */
        static final int[] BLOCK_STARTS = {KeyCodes.KEY_1, KeyCodes.KEY_Q, KeyCodes.KEY_A, KeyCodes.KEY_BACKSLASH,
                KeyCodes.KEY_Z, KeyCodes.KEY_102ND};
        static final int[][] KEYPAD = {
                {KeyCodes.KEY_KP0, '0'}, {KeyCodes.KEY_KP1, '1'}, {KeyCodes.KEY_KP2, '2'}, {KeyCodes.KEY_KP3, '3'},
                {KeyCodes.KEY_KP4, '4'}, {KeyCodes.KEY_KP5, '5'}, {KeyCodes.KEY_KP6, '6'}, {KeyCodes.KEY_KP7, '7'},
                {KeyCodes.KEY_KP8, '8'}, {KeyCodes.KEY_KP9, '9'}, {KeyCodes.KEY_KPDOT, '.'},
                {KeyCodes.KEY_KPPLUS, '+'}, {KeyCodes.KEY_KPMINUS, '-'}, {KeyCodes.KEY_KPASTERISK, '*'},
                {KeyCodes.KEY_KPSLASH, '/'}};
    }

    private final int[] plain = new int[CODES];
    private final int[] shifted = new int[CODES];

    KeyboardLayout(String[] blocks) {
        Arrays.fill(plain, NONE);
        Arrays.fill(shifted, NONE);
        for (int b = 0; b < Positions.BLOCK_STARTS.length; b++) {
            fill(plain, Positions.BLOCK_STARTS[b], blocks[2 * b]);
            fill(shifted, Positions.BLOCK_STARTS[b], blocks[2 * b + 1]);
        }
        plain[KeyCodes.KEY_SPACE] = ' ';
        shifted[KeyCodes.KEY_SPACE] = ' ';
        for (int[] key : Positions.KEYPAD) {
            plain[key[0]] = key[1];
            shifted[key[0]] = key[1];
        }
    }

    private static void fill(int[] table, int firstCode, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            table[firstCode + i] = c == '\0' ? NONE : c;
        }
    }

    /** The character {@code keyCode} types, or {@link #NONE}. */
    public int charFor(int keyCode, boolean shift) {
        if (keyCode < 0 || keyCode >= CODES) {
            return NONE;
        }
        return shift ? shifted[keyCode] : plain[keyCode];
    }

    /** {@code us} or {@code fr}, as written in {@code scanner.source}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code us} or {@code fr} (any case) */
    public static KeyboardLayout byConfigName(String name) {
        for (KeyboardLayout layout : values()) {
            if (layout.configName().equalsIgnoreCase(name.strip())) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown keyboard layout '" + name + "' (expected us or fr)");
    }
}
