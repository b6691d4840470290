package org.vitaleterminal.hal.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vitaleterminal.hal.scanner.evdev.EventRecordLayout;
import org.vitaleterminal.hal.scanner.evdev.KeyboardLayout;

class ScannerUriTest {

    @Test
    void theDocumentedForms() {
        assertEquals(new ScannerUri.Evdev("evdev:/dev/input/by-id/usb-Scanner-event-kbd,layout=fr",
                        "/dev/input/by-id/usb-Scanner-event-kbd", KeyboardLayout.FR, true,
                        EventRecordLayout.ofThisJvm(), 4096),
                ScannerUri.parse("evdev:/dev/input/by-id/usb-Scanner-event-kbd,layout=fr"));
        assertEquals(new ScannerUri.Serial("serial:/dev/ttyACM0", "/dev/ttyACM0", 115_200, 4096),
                ScannerUri.parse("serial:/dev/ttyACM0"));
        assertEquals(new ScannerUri.None(" NONE "), ScannerUri.parse(" NONE "));
    }

    @Test
    void allOptions() {
        ScannerUri.Evdev e = (ScannerUri.Evdev) ScannerUri.parse("evdev:/dev/input/event3,layout=US,grab=false,record=32,max=8192");
        assertEquals(KeyboardLayout.US, e.layout());
        assertEquals(false, e.grab());
        assertEquals(EventRecordLayout.ILP32, e.record());
        assertEquals(8192, e.maxLineLength());
        ScannerUri.Serial s = (ScannerUri.Serial) ScannerUri.parse("serial:/dev/ttyUSB0,baud=9600,max=100");
        assertEquals(9600, s.baud());
        assertEquals(100, s.maxLineLength());
        assertEquals(KeyboardLayout.US, ((ScannerUri.Evdev) ScannerUri.parse("evdev:/dev/input/event0")).layout(),
                "us unless told");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                   | empty",
            "usb:/dev/x                           | unknown scanner kind",
            "evdev:                               | no device path",
            "evdev:input/event3                   | must be absolute",
            "evdev:/dev/input/event3,layout=de    | layout must be us or fr",
            "evdev:/dev/input/event3,grab=yes     | grab must be true or false",
            "evdev:/dev/input/event3,record=24    | record must be 64 or 32",
            "evdev:/dev/input/event3,max=8        | max must be 16..65536",
            "evdev:/dev/input/event3,max=lots     | 'lots' is not a valid maximum line length",
            "evdev:/dev/input/event3,speed=2      | unknown option 'speed=2'",
            "evdev:/dev/input/event3,fr           | 'fr' is not NAME=VALUE",
            "serial:/dev/ttyACM0,baud=fast        | 'fast' is not a valid baud rate",
            "serial:/dev/ttyACM0,baud=10          | outside 300..4000000",
            "serial:/dev/ttyACM0,layout=fr        | unknown option 'layout=fr'",
    })
    void malformedSettingsSayWhatAndWhatIsExpected(String value, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScannerUri.parse(value));
        assertTrue(e.getMessage().contains(ScannerUri.KEY), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().contains("expected evdev:PATH"), e.getMessage());
    }

    @Test
    void noneMakesASourceThatNeverStartsAThread() {
        ScannerSource none = ScannerSources.system().create("none");
        none.start(line -> { });
        assertEquals(ScannerState.STOPPED, none.state());
        assertEquals(new ScannerCounts(0, 0, 0, 0), none.counts());
        assertEquals("none", none.describe());
        none.close();
    }

    @Test
    void aSourceStartsOnceAndCloseBeforeStartIsFine() {
        ScannerSource s = ScannerSources.system().create("serial:/dev/does-not-exist-vt");
        assertEquals(ScannerState.NEW, s.state());
        s.close();
        assertEquals(ScannerState.STOPPED, s.state());
        assertThrows(IllegalStateException.class, () -> s.start(line -> { }));
    }
}
