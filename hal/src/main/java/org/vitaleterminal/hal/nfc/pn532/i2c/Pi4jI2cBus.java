package org.vitaleterminal.hal.nfc.pn532.i2c;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import java.io.IOException;
import java.util.Objects;
import org.vitaleterminal.hal.nfc.pn532.Pi4jContextSource;

/**
 * An {@link I2cBus} on a Pi4J {@link I2C} device. With the linuxfs provider, {@code write} and
 * {@code read} of a byte array are each one plain transaction on {@code /dev/i2c-N} (the
 * register methods are not: they write a register address first, which the PN532 has no use for).
 *
 * <p>Pi4J reports failures, including the address NAK of a busy PN532 (EIO, EREMOTEIO), as
 * runtime exceptions; they become {@link IOException}s here so the transport can treat them as
 * "busy" while polling and as failures elsewhere. A short read or write is a failure too.
 */
public final class Pi4jI2cBus implements I2cBus {
    private final I2C device;
    private final String description;
    private final Runnable release;

    /**
     * @param release run after the device is closed: gives the device back to the Pi4J context
     *                (or shuts down a context opened for this bus alone)
     */
    public Pi4jI2cBus(I2C device, String description, Runnable release) {
        this.device = Objects.requireNonNull(device, "device");
        this.description = Objects.requireNonNull(description, "description");
        this.release = Objects.requireNonNull(release, "release");
    }

    /**
     * Opens {@code /dev/i2c-<bus>} for the device at {@code address} with the linuxfs provider.
     * The context is acquired here and released when the bus is closed (or if opening fails).
     */
    public static Pi4jI2cBus open(Pi4jContextSource contexts, int bus, int address) throws IOException {
        String description = String.format("/dev/i2c-%d@0x%02x", bus, address);
        String id = String.format("pn532-i2c-%d-%02x", bus, address);
        Context context;
        try {
            context = contexts.acquire();
        } catch (RuntimeException e) {
            throw new IOException("no Pi4J context for " + description + ": " + e.getMessage(), e);
        }
        try {
            I2C device = context.create(I2C.newConfigBuilder(context)
                    .id(id)
                    .name("PN532")
                    .bus(bus)
                    .device(address)
                    .provider("linuxfs-i2c")
                    .build());
            return new Pi4jI2cBus(device, description, () -> contexts.release(context, id));
        } catch (RuntimeException e) {
            contexts.release(context, id);
            throw new IOException("cannot open I2C device " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        int n;
        try {
            n = device.write(data, 0, data.length);
        } catch (RuntimeException e) {
            throw new IOException("I2C write to " + description + " failed: " + e.getMessage(), e);
        }
        if (n != data.length) {
            throw new IOException("I2C write to " + description + " sent " + n + " of " + data.length + " bytes");
        }
    }

    @Override
    public void read(byte[] buffer) throws IOException {
        int n;
        try {
            n = device.read(buffer, 0, buffer.length);
        } catch (RuntimeException e) {
            throw new IOException("I2C read from " + description + " failed: " + e.getMessage(), e);
        }
        if (n != buffer.length) {
            throw new IOException("I2C read from " + description + " got " + n + " of " + buffer.length + " bytes");
        }
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
