package org.vitaleterminal.hal.nfc.pn532;

import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.ReaderFailureException;
import org.vitaleterminal.hal.nfc.TargetLostException;

/**
 * The error code in the status byte of In* responses (UM §7.1, table 13; bits 0-5 of the byte,
 * bit 6 is MI, bit 7 NAD) and what it means for the caller.
 *
 * <p>Errors of the radio link — the target did not answer, CRC/parity/framing/protocol errors,
 * the card "disappeared" or was released — mean the phone left or stopped talking: they become
 * {@link TargetLostException} (release, poll again). Errors of the chip itself (buffer overflow,
 * overheating, over-current) and refusals that mean the driver and the chip disagree about the
 * state (invalid parameter, command not acceptable, e.g. an unknown Tg after a chip reset) become
 * {@link ReaderFailureException}, which makes the reader re-initialise the chip.
 * libnfc sorts the codes the same way ({@code pn53x_transceive}).
 */
public final class Pn532Status {
    private Pn532Status() {}

    /** The exception for a non-zero error code, naming the command and the code. */
    public static NfcException failure(String command, int status) {
        int code = status & 0x3F;
        String message = String.format("%s failed: PN532 status 0x%02X (%s)", command, code, describe(code));
        return targetLost(code) ? new TargetLostException(message) : new ReaderFailureException(message);
    }

    static boolean targetLost(int code) {
        return switch (code) {
            case 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0A, 0x0B, 0x12, 0x13, 0x23, 0x25, 0x29, 0x2A, 0x2B, 0x2C, 0x2E ->
                    true;
            default -> false;
        };
    }

    public static String describe(int code) {
        return switch (code) {
            case 0x00 -> "success";
            case 0x01 -> "timeout, the target did not answer";
            case 0x02 -> "CRC error";
            case 0x03 -> "parity error";
            case 0x04 -> "erroneous bit count during anticollision";
            case 0x05 -> "framing error";
            case 0x06 -> "abnormal bit collision";
            case 0x07 -> "communication buffer too small";
            case 0x09 -> "RF buffer overflow";
            case 0x0A -> "RF field not switched on in time";
            case 0x0B -> "RF protocol error";
            case 0x0D -> "overheating, antenna drivers off";
            case 0x0E -> "internal buffer overflow";
            case 0x10 -> "invalid parameter";
            case 0x12 -> "unsupported command from the initiator";
            case 0x13 -> "format error during RF communication";
            case 0x14 -> "MIFARE authentication error";
            case 0x23 -> "wrong UID check byte";
            case 0x25 -> "invalid in the current DEP state";
            case 0x26 -> "operation not allowed in this configuration";
            case 0x27 -> "command not acceptable in the current context";
            case 0x29 -> "target released";
            case 0x2A -> "card ID mismatch";
            case 0x2B -> "the card previously activated has disappeared";
            case 0x2C -> "NFCID3 mismatch";
            case 0x2D -> "over-current";
            case 0x2E -> "NAD missing";
            default -> "unknown error";
        };
    }
}
