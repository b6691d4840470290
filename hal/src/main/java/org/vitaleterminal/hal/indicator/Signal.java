package org.vitaleterminal.hal.indicator;

/**
 * What the terminal tells the person at the counter, by LEDs and buzzer (or on the console).
 * The first three are one-shot reactions to a decision; the last two are states that last until
 * another signal (or {@link #IDLE}) replaces them.
 */
public enum Signal {
    /** Verified, with open rights: green, one short beep. */
    ACCEPTED,
    /** Verified, but no open AMO rights on the presentation date: amber, two beeps. */
    ACCEPTED_NO_OPEN_RIGHTS,
    /** Refused: red, one long beep. */
    REJECTED,
    /** The phone is on the reader but the wallet waits for its holder to unlock it: amber blink. */
    WAITING_FOR_UNLOCK,
    /** A device fault or a stale trust list: red blink until cleared. */
    FAULT,
    /** Nothing to show: all off. */
    IDLE
}
