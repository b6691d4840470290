package org.vitaleterminal.sim.nfc.phone;

/**
 * A phone without the VT1 wallet (a payment card emulation, a transit app): Android's HCE router
 * finds no service for our AID and answers {@code 6A 82}, and answers {@code 6F 00} to anything
 * sent before a SELECT reached a service.
 */
public final class NonVt1Applet implements Iso7816Card {
    @Override
    public byte[] process(byte[] commandApdu) {
        boolean select = commandApdu.length >= 4 && commandApdu[0] == 0x00 && commandApdu[1] == (byte) 0xA4
                && commandApdu[2] == 0x04;
        return StatusWords.sw(select ? StatusWords.FILE_NOT_FOUND : StatusWords.UNKNOWN_ERROR);
    }
}
