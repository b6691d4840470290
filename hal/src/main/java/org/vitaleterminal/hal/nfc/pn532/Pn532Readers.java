package org.vitaleterminal.hal.nfc.pn532;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.ReaderFailureException;
import org.vitaleterminal.hal.nfc.pn532.i2c.I2cBus;
import org.vitaleterminal.hal.nfc.pn532.i2c.I2cTransport;
import org.vitaleterminal.hal.nfc.pn532.i2c.Pi4jI2cBus;
import org.vitaleterminal.hal.nfc.pn532.spi.Pi4jSpiBus;
import org.vitaleterminal.hal.nfc.pn532.spi.SpiBus;
import org.vitaleterminal.hal.nfc.pn532.spi.SpiTransport;
import org.vitaleterminal.hal.nfc.pn532.uart.JSerialCommLink;
import org.vitaleterminal.hal.nfc.pn532.uart.SerialLink;
import org.vitaleterminal.hal.nfc.pn532.uart.UartTransport;

/**
 * Opens PN532 readers: from a URI ({@link Pn532Uri}: {@code pn532:uart:/dev/ttyS0},
 * {@code pn532:i2c:1:0x24}, {@code pn532:spi:0.0}) or over a bus the caller provides (a fake,
 * a simulator's pseudo-terminal, another serial library). Every method returns an initialised
 * reader, or closes what it opened and throws.
 */
public final class Pn532Readers {
    /** nfcpy's allowance for the first ACK through a USB serial adapter on a Pi. */
    static final Duration USB_SERIAL_ACK_TIMEOUT = Duration.ofMillis(1500);
    private static final Pattern USB_SERIAL = Pattern.compile(".*(ttyUSB|ttyACM|/serial/by-id/usb-).*");

    private Pn532Readers() {}

    /** {@link #open(String, Pn532Config)} with the default settings. */
    public static Pn532NfcReader open(String uri) throws NfcException {
        return open(uri, Pn532Config.defaults());
    }

    /** I2C and SPI readers get a Pi4J context of their own, shut down when the reader closes. */
    public static Pn532NfcReader open(String uri, Pn532Config config) throws NfcException {
        return open(uri, config, Pi4jContextSource.perReader());
    }

    /**
     * Opens and initialises the reader {@code uri} names. For a USB serial adapter (ttyUSB,
     * ttyACM) the ACK timeout is raised to 1.5 s, since such adapters can hold the first bytes back.
     *
     * @param pi4j where I2C and SPI readers get their Pi4J context; never used for UART readers
     * @throws IllegalArgumentException when the URI has none of the known forms (the message
     *                                  names the forms)
     * @throws ReaderFailureException   when the device cannot be opened or the chip does not answer
     */
    public static Pn532NfcReader open(String uri, Pn532Config config, Pi4jContextSource pi4j) throws NfcException {
        Pn532Uri parsed = Pn532Uri.parse(uri);
        String name = uri.strip();
        try {
            return switch (parsed) {
                case Pn532Uri.Uart u -> {
                    Pn532Config c = forSerialDevice(u.device(), config);
                    SerialLink link = JSerialCommLink.open(u.device(), u.baud());
                    yield open(new UartTransport(link, c.time(), UartTransport.frameGrace(u.baud())), c, name);
                }
                case Pn532Uri.I2c i -> open(
                        new I2cTransport(Pi4jI2cBus.open(pi4j, i.bus(), i.address()), config.time()), config, name);
                case Pn532Uri.Spi s -> open(
                        new SpiTransport(Pi4jSpiBus.open(pi4j, s.bus(), s.chipSelect(), s.hz()), config.time()),
                        config, name);
            };
        } catch (IOException e) {
            throw new ReaderFailureException("cannot open the NFC reader " + name + ": " + e.getMessage(), e);
        }
    }

    /** The settings for a serial device: a longer ACK timeout behind a USB adapter. */
    static Pn532Config forSerialDevice(String device, Pn532Config config) {
        boolean usb = USB_SERIAL.matcher(device).matches();
        return usb && config.ackTimeout().compareTo(USB_SERIAL_ACK_TIMEOUT) < 0
                ? config.withAckTimeout(USB_SERIAL_ACK_TIMEOUT) : config;
    }

    /** A reader over any I2C device. */
    public static Pn532NfcReader openI2c(I2cBus bus, Pn532Config config, String name) throws NfcException {
        return open(new I2cTransport(bus, config.time()), config, name);
    }

    /** A reader over any SPI device. */
    public static Pn532NfcReader openSpi(SpiBus bus, Pn532Config config, String name) throws NfcException {
        return open(new SpiTransport(bus, config.time()), config, name);
    }

    /** A reader over any transport; on failure the transport is closed. */
    public static Pn532NfcReader open(Pn532Transport transport, Pn532Config config, String name)
            throws NfcException {
        Pn532NfcReader reader = new Pn532NfcReader(transport, config, name);
        try {
            reader.initialise();
            return reader;
        } catch (NfcException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }
}
