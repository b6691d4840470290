package org.vitaleterminal.hal.nfc.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.hal.nfc.ReaderFailureException;

class Pn532ReadersTest {

    /** Counts acquisitions; hands out a bare context (no providers), so opening a device fails. */
    private static final class CountingSource implements Pi4jContextSource {
        final List<String> events = new ArrayList<>();

        @Override
        public Context acquire() {
            events.add("acquire");
            return Pi4J.newContextBuilder().noAutoDetect().build();
        }

        @Override
        public void release(Context context) {
            events.add("release");
            context.shutdown();
        }
    }

    @Test
    void aUartUriNeverBuildsAPi4jContext() {
        CountingSource pi4j = new CountingSource();
        assertThrows(ReaderFailureException.class,
                () -> Pn532Readers.open("pn532:uart:/dev/no-such-tty", Pn532Config.defaults(), pi4j));
        assertEquals(List.of(), pi4j.events);
    }

    @Test
    void anI2cDeviceThatCannotBeOpenedGivesItsContextBack() {
        CountingSource pi4j = new CountingSource();
        ReaderFailureException e = assertThrows(ReaderFailureException.class,
                () -> Pn532Readers.open("pn532:i2c:7:0x24", Pn532Config.defaults(), pi4j));
        assertTrue(e.getMessage().contains("pn532:i2c:7:0x24"), e.getMessage());
        assertEquals(List.of("acquire", "release"), pi4j.events);
    }

    @Test
    void anSpiDeviceThatCannotBeOpenedGivesItsContextBack() {
        CountingSource pi4j = new CountingSource();
        assertThrows(ReaderFailureException.class, () -> Pn532Readers.open("pn532:spi:9.1", Pn532Config.defaults(), pi4j));
        assertEquals(List.of("acquire", "release"), pi4j.events);
    }

    @Test
    void aBadUriIsAnIllegalArgumentBeforeAnythingIsOpened() {
        CountingSource pi4j = new CountingSource();
        assertThrows(IllegalArgumentException.class, () -> Pn532Readers.open("pn532:i2c:x", Pn532Config.defaults(), pi4j));
        assertEquals(List.of(), pi4j.events);
    }

    @Test
    void aSharedContextIsNeverShutDown() {
        Context context = Pi4J.newContextBuilder().noAutoDetect().build();
        try {
            assertThrows(ReaderFailureException.class,
                    () -> Pn532Readers.open("pn532:spi:9.0", Pn532Config.defaults(), Pi4jContextSource.shared(context)));
            assertFalse(context.isShutdown());
        } finally {
            context.shutdown();
        }
    }

    @Test
    void usbSerialAdaptersGetALongerAckTimeout() {
        Pn532Config defaults = Pn532Config.defaults();
        assertEquals(1500, Pn532Readers.forSerialDevice("/dev/ttyUSB0", defaults).ackTimeout().toMillis());
        assertEquals(1500, Pn532Readers.forSerialDevice("/dev/ttyACM1", defaults).ackTimeout().toMillis());
        assertEquals(100, Pn532Readers.forSerialDevice("/dev/ttyS0", defaults).ackTimeout().toMillis());
        assertEquals(100, Pn532Readers.forSerialDevice("/dev/pts/4", defaults).ackTimeout().toMillis());
        Pn532Config patient = defaults.withAckTimeout(java.time.Duration.ofSeconds(3));
        assertEquals(3000, Pn532Readers.forSerialDevice("/dev/ttyUSB0", patient).ackTimeout().toMillis());
    }
}
