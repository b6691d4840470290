package org.vitaleterminal.sim.nfc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.vitaleterminal.sim.nfc.ManualNanoClock;
import org.vitaleterminal.sim.nfc.chip.HostLink;
import org.vitaleterminal.sim.nfc.chip.Pn532Timing;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;

/** Plays the host over HSU against a chip on a manual clock. */
public final class TestHost {
    public static final byte[] WAKE_UP = Hex.bytes("55 55 00 00 00 00 00 00 00 00 00 00 00 00 00 00");

    public final ManualNanoClock clock = new ManualNanoClock();
    public final VirtualPn532 chip;
    /** How far {@link #exchange} moves the clock before reading: 0 with instant timing. */
    private final Duration settle;

    public TestHost() {
        this(Pn532Timing.instant());
    }

    public TestHost(Pn532Timing timing) {
        chip = VirtualPn532.builder().clock(clock).timing(timing).build();
        settle = timing.honourRfTimeouts() ? Duration.ofMillis(100) : Duration.ZERO;
    }

    public void send(byte[] bytes) {
        chip.receive(bytes, HostLink.HSU);
    }

    public byte[] take() {
        return chip.takeReadyBytes();
    }

    public List<ChipStream.Frame> takeFrames() {
        return ChipStream.parse(take());
    }

    /** Sends a command, expects ACK + response at once (instant timing), returns the response data. */
    public byte[] exchange(int... command) {
        return exchange(Hex.bytes(command));
    }

    public byte[] exchange(byte[] command) {
        send(ChipStream.command(command));
        clock.advance(settle);
        return expectAckAndResponse();
    }

    public byte[] expectAckAndResponse() {
        List<ChipStream.Frame> frames = takeFrames();
        assertEquals(2, frames.size(), () -> "ACK and response expected, got " + frames);
        assertEquals(new ChipStream.Ack(), frames.get(0));
        return ((ChipStream.Response) frames.get(1)).data();
    }

    /** Wake-up bytes and SAMConfiguration normal mode, as libnfc opens the chip. */
    public TestHost init() {
        send(WAKE_UP);
        assertEquals("15", Hex.of(exchange(0x14, 0x01)));
        return this;
    }

    public void advance(Duration d) {
        clock.advance(d);
    }
}
