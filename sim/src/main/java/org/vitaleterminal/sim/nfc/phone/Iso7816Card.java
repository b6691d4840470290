package org.vitaleterminal.sim.nfc.phone;

/**
 * The application side of a card or phone: ISO 7816-4 command APDUs in, response APDUs (data +
 * SW1 SW2) out. The ISO-DEP framing below it is the chip's and the phone controller's business.
 */
@FunctionalInterface
public interface Iso7816Card {
    byte[] process(byte[] commandApdu);

    /**
     * The link ended (phone removed, field off, DESELECT); like Android's
     * {@code HostApduService.onDeactivated}: the next tap starts with a new SELECT.
     */
    default void deactivated() {
    }
}
