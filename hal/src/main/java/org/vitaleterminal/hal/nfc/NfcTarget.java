package org.vitaleterminal.hal.nfc;

import java.util.HexFormat;

/**
 * A target found in the field. Phones present a random UID on every tap: it identifies the
 * target only within one session, never the phone or its holder.
 *
 * @param number the reader's logical target number (PN532 Tg)
 * @param uid    NFCID1 (4, 7 or 10 bytes)
 * @param atqa   SENS_RES, high byte first
 * @param sak    SEL_RES
 * @param ats    the answer to select, empty when the target sent none
 */
public record NfcTarget(int number, byte[] uid, int atqa, int sak, byte[] ats) {
    public NfcTarget {
        uid = uid.clone();
        ats = ats.clone();
    }

    @Override
    public byte[] uid() {
        return uid.clone();
    }

    @Override
    public byte[] ats() {
        return ats.clone();
    }

    /** ISO/IEC 14443-4 compliant (SAK bit 0x20): a phone emulating a card, or a smart card. */
    public boolean isoDep() {
        return (sak & 0x20) != 0;
    }

    @Override
    public String toString() {
        return "NfcTarget[tg=" + number + ", uid=" + HexFormat.of().formatHex(uid) + ", sak="
                + String.format("%02x", sak) + "]";
    }
}
