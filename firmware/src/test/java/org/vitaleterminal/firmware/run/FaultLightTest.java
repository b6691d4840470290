package org.vitaleterminal.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.indicator.Signal;

class FaultLightTest {
    private final List<Signal> shown = new ArrayList<>();
    private final AtomicBoolean faulty = new AtomicBoolean();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final FaultLight light = new FaultLight(new Indicator() {
        @Override
        public void show(Signal signal) {
            shown.add(signal);
        }

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public void close() {}
    }, faulty::get, nanos::get);

    private void after(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Test
    void blinksWhileTheTerminalCannotServeAndStopsWhenItCan() {
        light.check();
        assertEquals(List.of(), shown, "nothing to show while all is well");
        faulty.set(true);
        light.check();
        light.check();
        assertEquals(List.of(Signal.FAULT), shown, "shown once, not re-shown every check");
        faulty.set(false);
        after(FaultLight.SETTLE.toMillis());
        light.check();
        assertEquals(List.of(Signal.FAULT, Signal.IDLE), shown);
    }

    @Test
    void aDecisionPlaysInFullThenTheBlinkComesBack() {
        faulty.set(true);
        light.check();
        light.show(Signal.ACCEPTED); // e.g. a camera read while the NFC reader is unplugged
        after(1_000);
        light.check();
        assertEquals(List.of(Signal.FAULT, Signal.ACCEPTED), shown, "the green pattern is not cut short");
        after(FaultLight.SETTLE.toMillis());
        light.check();
        assertEquals(List.of(Signal.FAULT, Signal.ACCEPTED, Signal.FAULT), shown);
    }

    @Test
    void aPhoneWaitingForItsHolderKeepsItsAmberBlink() {
        faulty.set(true);
        light.show(Signal.WAITING_FOR_UNLOCK);
        after(10_000);
        light.check();
        assertEquals(List.of(Signal.WAITING_FOR_UNLOCK), shown);
    }

    @Test
    void aDecisionsOwnFaultStaysOnAMomentThenClears() {
        light.show(Signal.FAULT); // the outbox refused a decision
        light.check();
        assertEquals(List.of(Signal.FAULT), shown, "not cleared at once");
        after(FaultLight.SETTLE.toMillis());
        light.check();
        assertEquals(List.of(Signal.FAULT, Signal.IDLE), shown);
    }
}
