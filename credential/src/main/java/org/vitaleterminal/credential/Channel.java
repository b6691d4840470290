package org.vitaleterminal.credential;

/** How a payload reached the terminal. QR and wedge texts follow the same rules. */
public enum Channel {
    /** Decoded by the terminal's camera. */
    QR,
    /** Raw presentation bytes read over NFC (ISO-DEP) in answer to the terminal's challenge. */
    NFC,
    /** Text typed in by a USB 2D scanner in keyboard-wedge or serial mode. */
    WEDGE;

    /** The lower-case name used in events and in {@code verify} output. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
