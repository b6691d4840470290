package org.vitaleterminal.hal.nfc.pn532;

import java.util.Locale;
import java.util.Set;

/**
 * Where a PN532 is and how it is wired, as written in the configuration:
 *
 * <pre>
 * pn532:uart:/dev/ttyS0            serial device (a pseudo-terminal such as /dev/pts/3 works too)
 * pn532:uart:/dev/ttyS0,baud=115200
 * pn532:i2c:1:0x24                 I2C bus and 7-bit address (hex 0x.. or decimal)
 * pn532:spi:0.0                    SPI bus and chip select: /dev/spidev0.0
 * pn532:spi:0.0,hz=500000          SPI clock (default 1 MHz; libnfc's Pi sample uses 500 kHz)
 * </pre>
 *
 * The baud rate is the host's: the PN532 talks 115200 after reset, and this driver does not send
 * SetSerialBaudrate, so other values only suit a chip (or simulator) already set to them.
 */
public sealed interface Pn532Uri {
    String FORMS = "pn532:uart:DEVICE[,baud=N], pn532:i2c:BUS:ADDRESS or pn532:spi:BUS.CS[,hz=N]";
    /** The HSU rates the PN532 knows (SetSerialBaudrate 0..8). */
    Set<Integer> PN532_BAUD_RATES = Set.of(9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600, 1288000);
    int DEFAULT_BAUD = 115_200;
    int DEFAULT_I2C_ADDRESS = 0x24;
    int DEFAULT_SPI_HZ = 1_000_000;

    /** The URI as given. */
    String text();

    record Uart(String text, String device, int baud) implements Pn532Uri {}

    record I2c(String text, int bus, int address) implements Pn532Uri {}

    record Spi(String text, int bus, int chipSelect, int hz) implements Pn532Uri {}

    /**
     * @throws IllegalArgumentException naming the URI, what is wrong and the accepted forms
     */
    static Pn532Uri parse(String uri) {
        if (uri == null) {
            throw new IllegalArgumentException("no NFC reader URI (expected " + FORMS + ")");
        }
        String s = uri.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pn532:uart:")) {
            return uart(uri, s.substring("pn532:uart:".length()));
        }
        if (lower.startsWith("pn532:i2c:")) {
            return i2c(uri, s.substring("pn532:i2c:".length()));
        }
        if (lower.startsWith("pn532:spi:")) {
            return spi(uri, s.substring("pn532:spi:".length()));
        }
        throw invalid(uri, "unknown reader kind");
    }

    private static Uart uart(String uri, String rest) {
        String[] parts = rest.split(",", -1);
        String device = parts[0];
        if (device.isEmpty()) {
            throw invalid(uri, "no serial device");
        }
        int baud = DEFAULT_BAUD;
        for (int i = 1; i < parts.length; i++) {
            String option = parts[i];
            if (!option.toLowerCase(Locale.ROOT).startsWith("baud=")) {
                throw invalid(uri, "unknown option '" + option + "'");
            }
            baud = number(uri, option.substring(5), "baud rate");
            if (!PN532_BAUD_RATES.contains(baud)) {
                throw invalid(uri, "the PN532 cannot talk at " + baud + " baud");
            }
        }
        return new Uart(uri, device, baud);
    }

    private static I2c i2c(String uri, String rest) {
        String[] parts = rest.split(":", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            throw invalid(uri, "expected BUS:ADDRESS");
        }
        int bus = number(uri, parts[0], "I2C bus");
        int address = parts.length == 2 ? number(uri, parts[1], "I2C address") : DEFAULT_I2C_ADDRESS;
        if (address < 0x03 || address > 0x77) {
            throw invalid(uri, String.format("0x%02X is not a 7-bit I2C device address", address));
        }
        return new I2c(uri, bus, address);
    }

    private static Spi spi(String uri, String rest) {
        String[] parts = rest.split(",", -1);
        String[] busCs = parts[0].split("\\.", -1);
        if (busCs.length != 2) {
            throw invalid(uri, "expected BUS.CS");
        }
        int bus = number(uri, busCs[0], "SPI bus");
        int cs = number(uri, busCs[1], "SPI chip select");
        int hz = DEFAULT_SPI_HZ;
        for (int i = 1; i < parts.length; i++) {
            String option = parts[i];
            if (!option.toLowerCase(Locale.ROOT).startsWith("hz=")) {
                throw invalid(uri, "unknown option '" + option + "'");
            }
            hz = number(uri, option.substring(3), "SPI clock");
            // the PN532 datasheet allows up to 5 MHz
            if (hz < 1_000 || hz > 5_000_000) {
                throw invalid(uri, "SPI clock " + hz + " Hz is outside 1 kHz..5 MHz");
            }
        }
        return new Spi(uri, bus, cs, hz);
    }

    private static int number(String uri, String text, String what) {
        try {
            String t = text.strip().toLowerCase(Locale.ROOT);
            int value = t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(uri, "'" + text + "' is not a valid " + what);
        }
    }

    private static IllegalArgumentException invalid(String uri, String why) {
        return new IllegalArgumentException("bad NFC reader URI \"" + uri + "\": " + why + " (expected " + FORMS + ")");
    }
}
