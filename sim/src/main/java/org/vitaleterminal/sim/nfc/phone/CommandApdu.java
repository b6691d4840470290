package org.vitaleterminal.sim.nfc.phone;

import java.util.Arrays;
import java.util.Optional;

/**
 * A parsed short command APDU (ISO 7816-4 §5.1 cases 1–4): CLA INS P1 P2 [Lc data] [Le]. Extended
 * lengths are not parsed: the VT1 protocol uses short APDUs only, and an extended APDU comes out
 * as a wrong-length case.
 *
 * @param le the expected length (1..256, Le 00 = 256), or -1 when absent
 */
public record CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int le) {
    public CommandApdu {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Empty when the bytes are no consistent short APDU (the card answers 67 00). */
    public static Optional<CommandApdu> parse(byte[] apdu) {
        if (apdu.length < 4) {
            return Optional.empty();
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        if (apdu.length == 4) {
            return Optional.of(new CommandApdu(cla, ins, p1, p2, new byte[0], -1));
        }
        int b5 = apdu[4] & 0xFF;
        if (apdu.length == 5) {
            return Optional.of(new CommandApdu(cla, ins, p1, p2, new byte[0], b5 == 0 ? 256 : b5));
        }
        if (b5 == 0) {
            return Optional.empty();
        }
        byte[] data = Arrays.copyOfRange(apdu, 5, Math.min(apdu.length, 5 + b5));
        if (apdu.length == 5 + b5) {
            return Optional.of(new CommandApdu(cla, ins, p1, p2, data, -1));
        }
        if (apdu.length == 6 + b5) {
            int le = apdu[5 + b5] & 0xFF;
            return Optional.of(new CommandApdu(cla, ins, p1, p2, data, le == 0 ? 256 : le));
        }
        return Optional.empty();
    }
}
