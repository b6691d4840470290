package org.vitaleterminal.hal.nfc.pn532;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.vitaleterminal.hal.nfc.NfcTarget;
import org.vitaleterminal.hal.nfc.ReaderFailureException;

/**
 * Decodes InListPassiveTarget's answer for 106 kbps type A (UM §7.3.5; libnfc
 * {@code pn53x_decode_target_data}):
 *
 * <pre>
 * NbTg | Tg | SENS_RES (2, high byte first) | SEL_RES | NFCIDLength | NFCID1 | [ATS]
 * </pre>
 *
 * The ATS is there only when the target is ISO 14443-4 and automatic RATS is on; its first byte
 * (TL) counts itself. Only the first target is decoded: the driver asks for one (MaxTg 1).
 */
final class TargetData106A {
    private TargetData106A() {}

    /** The target, or empty when the chip found none (NbTg 0). */
    static Optional<NfcTarget> parse(byte[] payload) throws ReaderFailureException {
        if (payload.length < 1) {
            throw malformed(payload, "no target count");
        }
        int count = payload[0] & 0xFF;
        if (count == 0) {
            return Optional.empty();
        }
        if (payload.length < 6) {
            throw malformed(payload, "target data too short");
        }
        int tg = payload[1] & 0xFF;
        int atqa = ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF);
        int sak = payload[4] & 0xFF;
        int uidLength = payload[5] & 0xFF;
        if (uidLength != 4 && uidLength != 7 && uidLength != 10) {
            throw malformed(payload, "NFCID1 length " + uidLength);
        }
        int uidEnd = 6 + uidLength;
        if (payload.length < uidEnd) {
            throw malformed(payload, "NFCID1 cut short");
        }
        byte[] uid = Arrays.copyOfRange(payload, 6, uidEnd);
        byte[] ats = new byte[0];
        int rest = payload.length - uidEnd;
        if (rest > 0) {
            int tl = payload[uidEnd] & 0xFF;
            if (tl < 1 || tl > rest) {
                throw malformed(payload, "ATS length byte " + tl + " with " + rest + " bytes left");
            }
            ats = Arrays.copyOfRange(payload, uidEnd, uidEnd + tl);
        }
        return Optional.of(new NfcTarget(tg, uid, atqa, sak, ats));
    }

    private static ReaderFailureException malformed(byte[] payload, String why) {
        // the answer holds only a UID (random per tap for a phone) and protocol bytes
        return new ReaderFailureException("malformed InListPassiveTarget answer (" + why + "): "
                + HexFormat.of().formatHex(payload));
    }
}
