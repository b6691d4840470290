package org.vitaleterminal.hal.nfc.pn532;

/**
 * GetFirmwareVersion's answer: {@code IC Ver Rev Support}. A PN532 v1.6 answers
 * {@code 32 01 06 07}; IC 0x33 is a PN533, which this driver does not drive (its
 * SAMConfiguration and status layouts differ).
 *
 * @param support bit 0 ISO 14443 A, bit 1 ISO 14443 B, bit 2 ISO 18092
 */
public record FirmwareVersion(int ic, int version, int revision, int support) {
    public static final int IC_PN532 = 0x32;

    public boolean isPn532() {
        return ic == IC_PN532;
    }

    public boolean supportsIso14443a() {
        return (support & 0x01) != 0;
    }

    /** {@code PN532 v1.6}, or {@code IC 0x33 v1.4} for another chip. */
    @Override
    public String toString() {
        String chip = isPn532() ? "PN532" : String.format("IC 0x%02X", ic);
        return chip + " v" + version + "." + revision;
    }
}
