package org.vitaleterminal.hal.nfc.pn532.spi;

import java.io.IOException;

/**
 * One SPI device as the PN532 transport sees it: full-duplex transfers with chip select held
 * low for the whole buffer. Bytes go out and come back exactly as given: bit order is the
 * transport's business ({@link SpiTransport} reverses bits in software). {@link Pi4jSpiBus} is
 * the real one.
 */
public interface SpiBus extends AutoCloseable {

    /** Clocks {@code tx} out and returns the bytes clocked in meanwhile (same length). */
    byte[] transfer(byte[] tx) throws IOException;

    /** e.g. {@code /dev/spidev0.0@1000000Hz}. */
    String describe();

    @Override
    void close();
}
