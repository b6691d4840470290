package org.vitaleterminal.sim.nfc.chip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.nfc.testing.ChipStream;
import org.vitaleterminal.sim.nfc.testing.Hex;
import org.vitaleterminal.sim.nfc.testing.TestHost;

/** Power states and the commands that stay inside the chip, byte for byte. */
class ChipPowerAndLocalCommandsTest {
    private final TestHost host = new TestHost();

    @Test
    void startsAsleepInLowVbatAndAFrameWithoutWakeUpIsLost() {
        assertEquals(PowerState.LOW_VBAT, host.chip.powerState());
        assertTrue(host.chip.asleep());
        host.send(ChipStream.command(0x14, 0x01));
        assertEquals(0, host.take().length, "the chip slept through the frame's first bytes");
        assertEquals(0, host.chip.commandsAccepted());
    }

    @Test
    void libnfcOpenSequenceOfNfcScanDevice() {
        // §5.3 of the notes, on the wire
        host.send(TestHost.WAKE_UP);
        host.send(Hex.bytes("00 00 FF 03 FD D4 14 01 17 00"));
        assertEquals("00 00 FF 00 FF 00 00 00 FF 02 FE D5 15 16 00", Hex.of(host.take()));
        assertEquals(PowerState.NORMAL, host.chip.powerState());
        host.send(Hex.bytes("00 00 FF 09 F7 D4 00 00 6C 69 62 6E 66 63 BE 00"));
        assertEquals("00 00 FF 00 FF 00 00 00 FF 09 F7 D5 01 00 6C 69 62 6E 66 63 BC 00", Hex.of(host.take()));
        host.send(Hex.bytes("00 00 FF 02 FE D4 02 2A 00"));
        assertEquals("00 00 FF 00 FF 00 00 00 FF 06 FA D5 03 32 01 06 07 E8 00", Hex.of(host.take()));
        assertEquals("13", Hex.of(host.exchange(0x12, 0x14)));
        assertEquals("07 80 80 00 00 00", Hex.of(host.exchange(0x06, 0x63, 0x02, 0x63, 0x03, 0x63, 0x0D, 0x63, 0x38,
                0x63, 0x3D)), "no write-back needed by libnfc");
        assertEquals("53 00", Hex.of(host.exchange(0x52, 0x00)));
        assertEquals("33", Hex.of(host.exchange(0x32, 0x01, 0x00)));
        assertEquals("17 00", Hex.of(host.exchange(0x16, 0xF0)));
        assertEquals(PowerState.POWER_DOWN, host.chip.powerState());
        assertTrue(host.chip.asleep());
    }

    @Test
    void inLowVbatTheChipSleepsAgainAfterEachCommandUntilSamConfiguration() {
        // nfcpy's order: wake, GetFirmwareVersion, wake, SAMConfiguration
        host.send(Hex.bytes("00 00 00 00 00 00 00 00 00 00"));
        assertEquals("03 32 01 06 07", Hex.of(host.exchange(0x02)));
        assertTrue(host.chip.asleep());
        host.send(ChipStream.command(0x02));
        assertEquals(0, host.take().length, "asleep again: a frame without wake-up is lost");
        host.send(Hex.bytes("00 00 00 00 00 00 00 00 00 00"));
        assertEquals("15", Hex.of(host.exchange(0x14, 0x01, 0x00, 0x00)));
        assertFalse(host.chip.asleep());
        assertEquals("03 32 01 06 07", Hex.of(host.exchange(0x02)));
        assertEquals("03 32 01 06 07", Hex.of(host.exchange(0x02)), "normal mode: stays awake");
    }

    @Test
    void powerDownThenWakeWithoutSamConfiguration() {
        host.init();
        assertEquals("17 00", Hex.of(host.exchange(0x16, 0xB0, 0x00)));
        host.send(ChipStream.command(0x02));
        assertEquals(0, host.take().length);
        host.send(TestHost.WAKE_UP);
        assertEquals(PowerState.NORMAL, host.chip.powerState());
        assertEquals("03 32 01 06 07", Hex.of(host.exchange(0x02)));
    }

    @Test
    void powerDownHonoursTheWakeUpSources() {
        host.init();
        assertEquals("17 00", Hex.of(host.exchange(0x16, 0x80))); // I2C only
        host.send(TestHost.WAKE_UP);
        host.send(ChipStream.command(0x02));
        assertEquals(0, host.take().length, "HSU is not a wake-up source now");
        assertTrue(host.chip.wake(HostLink.I2C));
        assertEquals("03 32 01 06 07", Hex.of(host.exchange(0x02)));
    }

    @Test
    void diagnoseLineTestEchoesAnExtendedFrame() {
        host.init();
        ByteArrayOutputStream cmd = new ByteArrayOutputStream();
        cmd.write(0x00);
        cmd.write(0x00);
        for (int i = 0; i < 262; i++) {
            cmd.write(i);
        }
        host.send(ChipStream.command(cmd.toByteArray()));
        List<ChipStream.Frame> frames = host.takeFrames();
        ChipStream.Response r = (ChipStream.Response) frames.get(1);
        assertTrue(r.extended());
        byte[] expected = cmd.toByteArray();
        expected[0] = 0x01;
        assertArrayEquals(expected, r.data());
    }

    @Test
    void registersMultiAddress() {
        host.init();
        assertEquals("09", Hex.of(host.exchange(0x08, 0x63, 0x02, 0x00, 0x63, 0x3D, 0x07, 0xFF, 0xB0, 0x12)));
        assertEquals("07 00 07 12 10", Hex.of(host.exchange(0x06, 0x63, 0x02, 0x63, 0x3D, 0xFF, 0xB0, 0x63, 0x3C)));
        assertEquals(0x07, host.chip.register(0x633D));
    }

    @Test
    void syntaxErrorsAndUnknownCommandsGetAckThenTheErrorFrame() {
        host.init();
        for (byte[] bad : new byte[][] {Hex.bytes("06 63"), Hex.bytes("08 63 02"), Hex.bytes("14 09"),
                Hex.bytes("32 05 FF"), Hex.bytes("32 99 00"), Hex.bytes("4A 03 00"), Hex.bytes("8C 00"),
                Hex.bytes("60 01 01 00"), new byte[0]}) {
            host.send(ChipStream.command(bad));
            assertEquals("00 00 FF 00 FF 00 00 00 FF 01 FF 7F 81 00", Hex.of(host.take()), Hex.of(bad));
        }
    }

    @Test
    void badChecksumFramesAreDroppedSilently() {
        host.init();
        host.send(Hex.bytes("00 00 FF 02 FD D4 02 2A 00"));
        host.send(Hex.bytes("00 00 FF 02 FE D4 02 2B 00"));
        assertEquals(0, host.take().length);
        assertEquals(2, host.chip.framesRejected());
        assertEquals("03 32 01 06 07", Hex.of(host.exchange(0x02)));
    }

    @Test
    void nackResendsTheLastResponse() {
        host.init();
        host.exchange(0x02);
        host.send(Hex.bytes("00 00 FF FF 00 00"));
        assertEquals("00 00 FF 06 FA D5 03 32 01 06 07 E8 00", Hex.of(host.take()));
    }

    @Test
    void generalStatusGpioAndBaudRate() {
        host.init();
        assertEquals("05 00 00 00 00", Hex.of(host.exchange(0x04)));
        assertEquals("33", Hex.of(host.exchange(0x32, 0x01, 0x01)));
        assertEquals("05 00 01 00 00", Hex.of(host.exchange(0x04)));
        assertEquals("0F", Hex.of(host.exchange(0x0E, 0x80 | 0x15, 0x00)));
        assertEquals("0D 15 FF 00", Hex.of(host.exchange(0x0C)));
        assertEquals("11", Hex.of(host.exchange(0x10, 0x07)));
        assertEquals(115200, host.chip.serialBaudRate(), "the new rate waits for the host's ACK");
        host.send(Hex.bytes("00 00 FF 00 FF 00"));
        assertEquals(921600, host.chip.serialBaudRate());
    }

    @Test
    void rfConfigurationItemsWithTheirManualLengths() {
        host.init();
        for (String item : new String[] {"01 00", "02 00 0B 0A", "04 00", "05 FF FF FF", "05 00 01 02",
                "0A 59 F4 3F 11 4D 85 61 6F 26 62 87", "0B 69 FF 3F 11 41 85 61 6F", "0C FF 04 85",
                "0D 85 15 8A 85 08 B2 85 01 DA"}) {
            byte[] cmd = Hex.bytes("32 " + item);
            assertEquals("33", Hex.of(host.exchange(cmd)), item);
        }
    }
}
