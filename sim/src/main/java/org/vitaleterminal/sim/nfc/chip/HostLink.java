package org.vitaleterminal.sim.nfc.chip;

/**
 * The host interface a byte stream came through, with its bit in PowerDown's WakeUpEnable
 * (UM PowerDown: bit4 HSU, bit5 SPI, bit7 I2C).
 */
public enum HostLink {
    HSU(0x10),
    SPI(0x20),
    I2C(0x80);

    private final int wakeBit;

    HostLink(int wakeBit) {
        this.wakeBit = wakeBit;
    }

    public int wakeBit() {
        return wakeBit;
    }
}
