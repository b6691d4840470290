package org.vitaleterminal.hal.nfc.pn532.spi;

import com.pi4j.context.Context;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiMode;
import java.io.IOException;
import java.util.Objects;
import org.vitaleterminal.hal.nfc.pn532.Pi4jContextSource;

/**
 * An {@link SpiBus} on a Pi4J {@link Spi}. With the linuxfs provider, {@code transfer} is one
 * {@code SPI_IOC_MESSAGE(1)}: chip select stays low for the whole buffer. It reports failure by
 * returning -1 (and other providers by throwing): both become {@link IOException}s.
 *
 * <p>The device must be configured MSB first (Pi4J's {@code writeLsbFirst(0)}): the Pi cannot do
 * LSB first, and {@link SpiTransport} reverses the bits itself.
 */
public final class Pi4jSpiBus implements SpiBus {
    private final Spi device;
    private final String description;
    private final Runnable release;

    /** @param release run after the device is closed: gives it back to its Pi4J context */
    public Pi4jSpiBus(Spi device, String description, Runnable release) {
        this.device = Objects.requireNonNull(device, "device");
        this.description = Objects.requireNonNull(description, "description");
        this.release = Objects.requireNonNull(release, "release");
    }

    /**
     * Opens {@code /dev/spidev<bus>.<chipSelect>} with the linuxfs provider: mode 0, {@code hz},
     * MSB first (no LSB-first request, which the Pi rejects), no Pi 5 flags. The context is
     * acquired here and released when the bus is closed (or if opening fails).
     */
    public static Pi4jSpiBus open(Pi4jContextSource contexts, int bus, int chipSelect, int hz) throws IOException {
        String description = "/dev/spidev" + bus + "." + chipSelect + "@" + hz + "Hz";
        String id = "pn532-spi-" + bus + "-" + chipSelect;
        Context context;
        try {
            context = contexts.acquire();
        } catch (RuntimeException e) {
            throw new IOException("no Pi4J context for " + description + ": " + e.getMessage(), e);
        }
        try {
            Spi device = context.create(Spi.newConfigBuilder(context)
                    .id(id)
                    .name("PN532")
                    .bus(bus)
                    .channel(chipSelect)
                    .mode(SpiMode.MODE_0)
                    .baud(hz)
                    .writeLsbFirst(0)
                    .readLsbFirst(0)
                    .provider("linuxfs-spi")
                    .build());
            return new Pi4jSpiBus(device, description, () -> contexts.release(context, id));
        } catch (RuntimeException e) {
            contexts.release(context, id);
            throw new IOException("cannot open SPI device " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] transfer(byte[] tx) throws IOException {
        byte[] rx = new byte[tx.length];
        int n;
        try {
            n = device.transfer(tx, 0, rx, 0, tx.length);
        } catch (RuntimeException e) {
            throw new IOException("SPI transfer on " + description + " failed: " + e.getMessage(), e);
        }
        if (n != tx.length) {
            throw new IOException("SPI transfer on " + description + " failed (" + n + " of " + tx.length + " bytes)");
        }
        return rx;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        Pi4jContextSource.closeQuietly(device::close, release);
    }
}
