package org.vitaleterminal.firmware.nfc;

/** What reading one tapped phone gave, before any verification. */
sealed interface PresentationRead {

    /** The raw presentation bytes and the challenge they must answer. */
    record Presentation(byte[] bytes, byte[] challenge) implements PresentationRead {}

    /** The phone has no VT1 wallet ({@code 6A 82} to SELECT): ignore it, no event. */
    record NotAWallet() implements PresentationRead {}

    /**
     * The wallet answered but not as the protocol says (no credential, an unexpected status
     * word, a presentation over 4096 bytes): a {@code FORMAT} or {@code TOO_LARGE} rejection.
     *
     * @param tooLarge the presentation went past 4096 bytes
     * @param detail   a fixed description with the status word, never data
     */
    record ProtocolError(boolean tooLarge, String detail) implements PresentationRead {}

    /** The holder did not unlock the wallet within the 30 s the terminal waits: no event. */
    record HolderDidNotUnlock() implements PresentationRead {}

    /** The phone left the field, or the reader failed, mid-exchange: no event. */
    record Lost(String why) implements PresentationRead {}
}
