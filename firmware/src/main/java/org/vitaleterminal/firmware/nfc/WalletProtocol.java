package org.vitaleterminal.firmware.nfc;

import java.util.HexFormat;

/**
 * The VT1 wallet application protocol over ISO-DEP (spec nfc-apdu.md): the APDUs the terminal
 * sends and the status words it understands.
 */
final class WalletProtocol {
    /** "\xF0VT1VITALE": a proprietary AID (first nibble F). */
    static final byte[] AID = HexFormat.of().parseHex("F056543156495441 4C45".replace(" ", ""));
    static final int CHALLENGE_LENGTH = 16;
    /** The presentation may not exceed this, however it is chunked. */
    static final int MAX_PRESENTATION_BYTES = 4096;
    static final int PROTOCOL_VERSION = 1;

    static final int SW_OK = 0x9000;
    static final int SW_NOT_UNLOCKED = 0x6985;
    static final int SW_APPLICATION_NOT_FOUND = 0x6A82;
    static final int SW_NO_CREDENTIAL = 0x6A88;

    private WalletProtocol() {}

    /** SELECT by DF name: {@code 00 A4 04 00 0A <AID> 00}. */
    static byte[] select() {
        byte[] apdu = new byte[5 + AID.length + 1];
        apdu[1] = (byte) 0xA4;
        apdu[2] = 0x04;
        apdu[4] = (byte) AID.length;
        System.arraycopy(AID, 0, apdu, 5, AID.length);
        return apdu;
    }

    /** GET PRESENTATION: {@code 80 50 00 00 10 <challenge> 00}. */
    static byte[] getPresentation(byte[] challenge) {
        if (challenge.length != CHALLENGE_LENGTH) {
            throw new IllegalArgumentException("the challenge is 16 bytes");
        }
        byte[] apdu = new byte[5 + CHALLENGE_LENGTH + 1];
        apdu[0] = (byte) 0x80;
        apdu[1] = 0x50;
        apdu[4] = CHALLENGE_LENGTH;
        System.arraycopy(challenge, 0, apdu, 5, CHALLENGE_LENGTH);
        return apdu;
    }
}
