package org.vitaleterminal.hal.nfc.pn532.spi;

/**
 * The PN532 speaks SPI LSB first; the Raspberry Pi's SPI controller only does MSB first
 * (SPI_IOC_WR_LSB_FIRST fails with EINVAL), so every byte is mirrored in software both ways, as
 * libnfc does. Mirroring is its own inverse.
 */
public final class BitOrder {
    private BitOrder() {}

    public static byte reverse(byte b) {
        return (byte) (Integer.reverse(b & 0xFF) >>> 24);
    }

    /** A new array with every byte mirrored. */
    public static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = reverse(bytes[i]);
        }
        return out;
    }
}
