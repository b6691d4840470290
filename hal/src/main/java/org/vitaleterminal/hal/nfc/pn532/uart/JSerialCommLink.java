package org.vitaleterminal.hal.nfc.pn532.uart;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.time.Duration;

/**
 * A {@link SerialLink} on jSerialComm: 8N1, no flow control, semi-blocking reads (return as soon
 * as one byte is there, or at the timeout). Works with any device path, including a
 * pseudo-terminal such as {@code /dev/pts/5} (jSerialComm puts the pty in raw mode itself).
 *
 * <p>On Linux jSerialComm waits in units of 100 ms (termios VTIME), rounded up: a read that
 * times out may return up to 100 ms late. Data is never delayed by this, only the detection of
 * silence, so the driver's short ACK timeout stays cheap and no polling thread is needed.
 *
 * <p>When a read or write fails (a USB adapter unplugged), the port is closed; the next write
 * tries to open the same path again, so the reader's re-initialisation can pick the adapter up
 * when it comes back.
 */
public final class JSerialCommLink implements SerialLink {
    private static final int WRITE_TIMEOUT_MS = 1000;

    private final SerialPort port;
    private final String path;
    private final int baud;
    private int readTimeoutMs = -1;

    private JSerialCommLink(SerialPort port, String path, int baud) {
        this.port = port;
        this.path = path;
        this.baud = baud;
    }

    /** Opens {@code path} at {@code baud}, 8N1, no flow control. */
    public static JSerialCommLink open(String path, int baud) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port " + path + ": " + e.getMessage(), e);
        }
        JSerialCommLink link = new JSerialCommLink(port, path, baud);
        link.openPort();
        return link;
    }

    private void openPort() throws IOException {
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        readTimeoutMs = 100;
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                readTimeoutMs, WRITE_TIMEOUT_MS);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + path + " (error " + port.getLastErrorCode() + ")");
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (!port.isOpen()) {
            openPort();
        }
        int n = port.writeBytes(data, data.length);
        if (n != data.length) {
            port.closePort();
            throw new IOException("serial write to " + path + " failed (" + n + " of " + data.length + " bytes)");
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws IOException {
        if (!port.isOpen()) {
            throw new IOException("serial port " + path + " is not open");
        }
        int ms = timeoutMillis(timeout);
        if (ms != readTimeoutMs) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, ms,
                    WRITE_TIMEOUT_MS);
            readTimeoutMs = ms;
        }
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            port.closePort();
            throw new IOException("serial read from " + path + " failed (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    /**
     * Reads and drops what is waiting. Not {@code flushIOBuffers()}: that also drops output still
     * queued in the kernel, which could be the abort ACK just written.
     */
    @Override
    public void discardInput() throws IOException {
        if (!port.isOpen()) {
            return;
        }
        byte[] sink = new byte[256];
        for (int rounds = 0; rounds < 64; rounds++) {
            int available = port.bytesAvailable();
            if (available <= 0) {
                return;
            }
            int n = port.readBytes(sink, Math.min(available, sink.length));
            if (n < 0) {
                throw new IOException("serial read from " + path + " failed (error " + port.getLastErrorCode() + ")");
            }
        }
    }

    @Override
    public String describe() {
        return path + "@" + baud;
    }

    @Override
    public void close() {
        port.closePort();
    }

    /** Rounded up, at least 1: 0 would mean "block forever" to jSerialComm. */
    static int timeoutMillis(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return 1;
        }
        if (d.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) >= 0) {
            return Integer.MAX_VALUE;
        }
        long ms = d.toMillis() + (d.toNanosPart() % 1_000_000 == 0 ? 0 : 1);
        return (int) Math.max(1, ms);
    }
}
