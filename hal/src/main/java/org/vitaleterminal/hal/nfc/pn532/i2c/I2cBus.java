package org.vitaleterminal.hal.nfc.pn532.i2c;

import java.io.IOException;

/**
 * One I2C device as the PN532 transport sees it: a write transaction and a read transaction of
 * a fixed length, nothing else (the PN532 has no registers). Small enough to fake in tests;
 * {@link Pi4jI2cBus} is the real one.
 */
public interface I2cBus extends AutoCloseable {

    /** One write transaction (START, address+W, bytes, STOP). */
    void write(byte[] data) throws IOException;

    /**
     * One read transaction filling {@code buffer} (START, address+R, bytes, STOP).
     *
     * @throws IOException also when the device NAKs its address, which a busy PN532 does
     */
    void read(byte[] buffer) throws IOException;

    /** e.g. {@code /dev/i2c-1@0x24}. */
    String describe();

    @Override
    void close();
}
