package org.vitaleterminal.hal.nfc.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pn532UriTest {

    @Test
    void uart() {
        assertEquals(new Pn532Uri.Uart("pn532:uart:/dev/ttyS0", "/dev/ttyS0", 115200), Pn532Uri.parse("pn532:uart:/dev/ttyS0"));
        assertEquals(new Pn532Uri.Uart("pn532:uart:/dev/ttyAMA0,baud=115200", "/dev/ttyAMA0", 115200),
                Pn532Uri.parse("pn532:uart:/dev/ttyAMA0,baud=115200"));
        assertEquals(921600, ((Pn532Uri.Uart) Pn532Uri.parse("pn532:uart:/dev/pts/3,baud=921600")).baud());
        assertEquals("/dev/pts/12", ((Pn532Uri.Uart) Pn532Uri.parse(" pn532:uart:/dev/pts/12 ")).device());
    }

    @Test
    void i2c() {
        assertEquals(new Pn532Uri.I2c("pn532:i2c:1:0x24", 1, 0x24), Pn532Uri.parse("pn532:i2c:1:0x24"));
        assertEquals(0x24, ((Pn532Uri.I2c) Pn532Uri.parse("pn532:i2c:1:36")).address());
        assertEquals(0x24, ((Pn532Uri.I2c) Pn532Uri.parse("pn532:i2c:0")).address(), "the PN532's address by default");
    }

    @Test
    void spi() {
        assertEquals(new Pn532Uri.Spi("pn532:spi:0.0", 0, 0, 1_000_000), Pn532Uri.parse("pn532:spi:0.0"));
        assertEquals(new Pn532Uri.Spi("pn532:spi:0.1,hz=500000", 0, 1, 500_000), Pn532Uri.parse("pn532:spi:0.1,hz=500000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "none", "pn532", "pn532:usb:001", "pn533:uart:/dev/ttyS0", "pn532:uart:",
            "pn532:uart:/dev/ttyS0,baud=12345", "pn532:uart:/dev/ttyS0,speed=9600", "pn532:uart:/dev/ttyS0,baud=fast",
            "pn532:i2c:", "pn532:i2c:one:0x24", "pn532:i2c:1:0x24:9", "pn532:i2c:1:0x80", "pn532:i2c:1:0x02",
            "pn532:spi:0", "pn532:spi:0.0.0", "pn532:spi:a.b", "pn532:spi:0.0,hz=10000000", "pn532:spi:-1.0"})
    void badUrisNameTheUriAndTheExpectedForms(String uri) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pn532Uri.parse(uri));
        assertTrue(e.getMessage().contains("\"" + uri + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("pn532:uart:DEVICE[,baud=N], pn532:i2c:BUS:ADDRESS or pn532:spi:BUS.CS"),
                e.getMessage());
    }

    @Test
    void nullIsRefusedToo() {
        assertThrows(IllegalArgumentException.class, () -> Pn532Uri.parse(null));
    }
}
