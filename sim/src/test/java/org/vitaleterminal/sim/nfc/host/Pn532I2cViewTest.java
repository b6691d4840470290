package org.vitaleterminal.sim.nfc.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.nfc.ManualNanoClock;
import org.vitaleterminal.sim.nfc.chip.Pn532Timing;
import org.vitaleterminal.sim.nfc.chip.PowerState;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;
import org.vitaleterminal.sim.nfc.testing.ChipStream;
import org.vitaleterminal.sim.nfc.testing.Hex;

class Pn532I2cViewTest {
    private final ManualNanoClock clock = new ManualNanoClock();
    private final VirtualPn532 chip = VirtualPn532.builder().clock(clock).timing(Pn532Timing.realistic()).build();
    private final Pn532I2cView i2c = new Pn532I2cView(chip);

    @Test
    void statusByteThenFrameAckAndResponseAreSeparateReadyEvents() {
        i2c.write(ChipStream.command(0x14, 0x01)); // wakes the sleeping chip: clock stretching, nothing lost
        assertEquals("00", Hex.of(i2c.read(1)), "busy before the ACK");
        assertEquals("00 00 00 00 00 00 00", Hex.of(i2c.read(7)), "busy: status 00, then filler");
        clock.advance(Duration.ofNanos(200_000));
        assertEquals("01", Hex.of(i2c.read(1)));
        assertEquals("01", Hex.of(i2c.read(1)), "a 1-byte status read leaves the frame in place");
        assertEquals("01 00 00 FF 00 FF 00", Hex.of(i2c.read(7)));
        assertEquals("00", Hex.of(i2c.read(1)), "the response is not ready yet");
        clock.advance(Duration.ofMillis(1));
        assertEquals("01 00 00 FF 02 FE D5 15 16 00 00 00 00", Hex.of(i2c.read(13)), "padded to the read length");
        assertEquals("00", Hex.of(i2c.read(1)));
        assertEquals(PowerState.NORMAL, chip.powerState());
    }

    @Test
    void aShortReadConsumesTheFrame() {
        i2c.write(ChipStream.command(0x14, 0x01));
        clock.advance(Duration.ofMillis(2));
        i2c.read(7);
        assertEquals("01 00 00 FF", Hex.of(i2c.read(4)));
        assertEquals("00", Hex.of(i2c.read(1)), "the rest of that frame is gone");
        assertThrows(IllegalArgumentException.class, () -> i2c.read(0));
    }

    @Test
    void abortAndAsleepWithoutI2cWakeUp() {
        i2c.write(ChipStream.command(0x14, 0x01));
        clock.advance(Duration.ofMillis(2));
        i2c.read(7);
        i2c.read(10);
        i2c.write(ChipStream.command(0x4A, 0x01, 0x00)); // infinite retries, no phone
        clock.advance(Duration.ofSeconds(1));
        assertEquals("01 00 00 FF 00 FF 00", Hex.of(i2c.read(7)));
        assertEquals("00", Hex.of(i2c.read(1)));
        i2c.write(Hex.bytes("00 00 FF 00 FF 00"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("00", Hex.of(i2c.read(1)));

        i2c.write(ChipStream.command(0x16, 0x10)); // power down, HSU wake-up only
        clock.advance(Duration.ofMillis(2));
        assertEquals("01 00 00 FF 00 FF 00", Hex.of(i2c.read(7)));
        assertEquals("01 00 00 FF 03 FD D5 17 00 14 00", Hex.of(i2c.read(11)));
        i2c.write(ChipStream.command(0x02));
        clock.advance(Duration.ofMillis(2));
        assertEquals("00", Hex.of(i2c.read(1)), "I2C may not wake it");
    }
}
