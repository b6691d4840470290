package org.vitaleterminal.sim.nfc.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.nfc.testing.ChipStream;
import org.vitaleterminal.sim.nfc.testing.Hex;
import org.vitaleterminal.sim.nfc.testing.TestHost;

/** Every fault on the wire, against GetFirmwareVersion (clean: ACK + 00 00 FF 06 FA D5 03 32 01 06 07 E8 00). */
class FaultInjectionTest {
    private static final String ACK = "00 00 FF 00 FF 00";
    private static final String FW = "00 00 FF 06 FA D5 03 32 01 06 07 E8 00";

    private final TestHost host = new TestHost().init();

    private String firmwareWith(Fault... faults) {
        host.chip.faults().onNext(0x02, faults);
        host.send(ChipStream.command(0x02));
        return Hex.of(host.take());
    }

    @Test
    void dropAckButStillRespond() {
        assertEquals(FW, firmwareWith(Fault.dropAck()));
    }

    @Test
    void garbageBeforeTheAckAndBeforeTheResponse() {
        assertEquals("13 37 " + ACK + " " + FW, firmwareWith(Fault.garbageBeforeAck(0x13, 0x37)));
        assertEquals(ACK + " FF 55 " + FW, firmwareWith(Fault.garbageBeforeResponse(0xFF, 0x55)));
    }

    @Test
    void garbageInsideTheResponse() {
        assertEquals(ACK + " 00 00 FF 06 FA AA D5 03 32 01 06 07 E8 00", firmwareWith(Fault.garbageInsideResponse(5, 0xAA)));
    }

    @Test
    void corruptChecksumsThenNackGetsTheCleanFrame() {
        assertEquals(ACK + " 00 00 FF 06 FB D5 03 32 01 06 07 E8 00", firmwareWith(Fault.corruptLcs()));
        assertEquals(ACK + " 00 00 FF 06 FA D5 03 32 01 06 07 E9 00", firmwareWith(Fault.corruptDcs()));
        host.send(Hex.bytes("00 00 FF FF 00 00"));
        assertEquals(FW, Hex.of(host.take()));
    }

    @Test
    void corruptLcsOfAnExtendedFrame() {
        host.chip.faults().onNext(Fault.corruptLcs());
        byte[] diag = new byte[260];
        host.send(ChipStream.command(diag));
        byte[] out = host.take();
        assertEquals("00 00 FF FF FF 01 05 FB", Hex.of(java.util.Arrays.copyOfRange(out, 6, 14)));
    }

    @Test
    void truncatedResponse() {
        assertEquals(ACK + " 00 00 FF 06 FA D5 03", firmwareWith(Fault.truncate(7)));
    }

    @Test
    void slowResponse() {
        assertEquals(ACK, firmwareWith(Fault.delay(Duration.ofMillis(300))));
        host.advance(Duration.ofMillis(299));
        assertEquals(0, host.take().length);
        host.advance(Duration.ofMillis(1));
        assertEquals(FW, Hex.of(host.take()));
    }

    @Test
    void zombieAcksAndNeverAnswersUntilAborted() {
        assertEquals(ACK, firmwareWith(Fault.zombie()));
        host.advance(Duration.ofHours(1));
        assertEquals(0, host.take().length);
        assertTrue(host.chip.commandPending());
        host.send(Hex.bytes(ACK));
        assertEquals("03 32 01 06 07", Hex.of(host.exchange(0x02)));
    }

    @Test
    void rulesByCommandAndOccurrence() {
        host.chip.faults().onCommand(0x02, 2, Fault.corruptDcs());
        assertEquals("03 32 01 06 07", Hex.of(host.exchange(0x02)));
        assertEquals("05 00 00 00 00", Hex.of(host.exchange(0x04)), "other codes do not count");
        host.send(ChipStream.command(0x02));
        assertNotEquals(ACK + " " + FW, Hex.of(host.take()), "the second GetFirmwareVersion");
        assertEquals("03 32 01 06 07", Hex.of(host.exchange(0x02)), "one shot");
        host.chip.faults().always(0x02, Fault.dropAck());
        assertEquals(FW, Hex.of(sendAndTake(0x02)));
        assertEquals(FW, Hex.of(sendAndTake(0x02)));
        host.chip.faults().clear();
        assertEquals("03 32 01 06 07", Hex.of(host.exchange(0x02)));
        assertThrows(IllegalArgumentException.class, () -> host.chip.faults().onCommand(0x02, 0));
    }

    private byte[] sendAndTake(int... command) {
        host.send(ChipStream.command(command));
        return host.take();
    }

    @Test
    void randomFaultsAreReproducibleFromTheSeed() {
        assertEquals(randomRun(42), randomRun(42));
        assertNotEquals(randomRun(42), randomRun(43));
    }

    private static List<String> randomRun(long seed) {
        TestHost h = new TestHost().init();
        h.chip.faults().randomly(SimRandom.seeded(seed), 0.5, EnumSet.allOf(FaultKind.class), Duration.ofMillis(50));
        List<String> wire = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            h.send(ChipStream.command(0x02));
            h.advance(Duration.ofMillis(60));
            wire.add(Hex.of(h.take()));
            h.send(Hex.bytes(ACK)); // abort a zombie before the next command
        }
        long faulty = wire.stream().filter(w -> !w.equals(ACK + " " + FW)).count();
        assertTrue(faulty > 5 && faulty < 35, () -> faulty + " faulty of 40");
        return wire;
    }
}
