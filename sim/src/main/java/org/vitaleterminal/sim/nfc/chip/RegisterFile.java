package org.vitaleterminal.sim.nfc.chip;

import java.util.HashMap;
import java.util.Map;

/**
 * The chip's 16-bit register space as ReadRegister/WriteRegister see it. Only storage: the CIU
 * block 0x6301–0x633E (UM §7.2.4, libnfc {@code PN53X_REG_CIU_*}) starts with values consistent
 * with the firmware's own 106 kbit/s type A set-up, so libnfc's write-back cache (which checks
 * masked bits of TxMode, RxMode, TxAuto, ManualRCV, Status2, Control, BitFraming) sees a sane
 * chip; every other address reads 00 until written.
 */
final class RegisterFile {
    static final int CIU_FIRST = 0x6301;
    static final int CIU_LAST = 0x633E;
    static final int TX_MODE = 0x6302;
    static final int RX_MODE = 0x6303;
    static final int TX_AUTO = 0x6305;
    static final int COMMAND = 0x6331;
    static final int FIFO_DATA = 0x6339;
    static final int WATER_LEVEL = 0x633B;
    static final int CONTROL = 0x633C;

    private final Map<Integer, Integer> values = new HashMap<>();

    RegisterFile() {
        reset();
    }

    void reset() {
        values.clear();
        values.put(TX_MODE, 0x80); // TxCRCEn
        values.put(RX_MODE, 0x80); // RxCRCEn
        values.put(TX_AUTO, 0x40); // Force100ASK
        values.put(COMMAND, 0x20); // RcvOff clear, PowerDown clear, Idle
        values.put(WATER_LEVEL, 0x08);
        values.put(CONTROL, 0x10); // Initiator
    }

    int read(int address) {
        return values.getOrDefault(address & 0xFFFF, 0);
    }

    void write(int address, int value) {
        values.put(address & 0xFFFF, value & 0xFF);
    }
}
