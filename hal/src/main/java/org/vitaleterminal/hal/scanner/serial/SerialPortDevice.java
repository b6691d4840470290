package org.vitaleterminal.hal.scanner.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.vitaleterminal.hal.nfc.pn532.uart.JSerialCommLink;
import org.vitaleterminal.hal.nfc.pn532.uart.SerialLink;
import org.vitaleterminal.hal.scanner.RawDevice;

/**
 * A scanner's serial port as a {@link RawDevice}, over the same jSerialComm adapter the PN532
 * UART driver uses (8N1, no flow control, raw; a pseudo-terminal works too). A USB-CDC scanner
 * ignores the baud rate; a scanner behind a real UART needs its own. A read error (the USB
 * device unplugged) closes the port; the scanner then opens it again.
 */
public final class SerialPortDevice implements RawDevice {
    private final SerialLink link;

    public SerialPortDevice(SerialLink link) {
        this.link = Objects.requireNonNull(link, "link");
    }

    public static SerialPortDevice open(String path, int baud) throws IOException {
        return new SerialPortDevice(JSerialCommLink.open(path, baud));
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws IOException {
        return link.read(buffer, timeout);
    }

    @Override
    public void close() {
        link.close();
    }
}
