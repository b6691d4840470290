package org.vitaleterminal.firmware.qr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PayloadDebouncerTest {
    private static final long MS = 1_000_000L;
    private final PayloadDebouncer debouncer = new PayloadDebouncer(Duration.ofMillis(1000));

    @Test
    void theSameCodeStayingInViewIsOneDecision() {
        assertTrue(debouncer.isNew("VT1:A", 0));
        for (long t = 33; t < 10_000; t += 33) {
            assertFalse(debouncer.isNew("VT1:A", t * MS), "frame at " + t + " ms");
        }
    }

    @Test
    void aFewMissedFramesDoNotEndTheVisitButLeavingViewDoes() {
        assertTrue(debouncer.isNew("VT1:A", 0));
        assertFalse(debouncer.isNew("VT1:A", 999 * MS), "gap just under forgetAfter (missed decodes)");
        assertFalse(debouncer.isNew("VT1:A", 1500 * MS), "the gap counts from the last sighting");
        assertTrue(debouncer.isNew("VT1:A", 2500 * MS), "not seen for forgetAfter: shown again");
        assertFalse(debouncer.isNew("VT1:A", 2533 * MS));
    }

    @Test
    void aDifferentTextIsNewAtOnceAndReplacesTheLastOne() {
        assertTrue(debouncer.isNew("VT1:A", 0));
        assertTrue(debouncer.isNew("HC1:B", 33 * MS));
        assertTrue(debouncer.isNew("VT1:A", 66 * MS), "only the last text is remembered");
        assertFalse(debouncer.isNew("VT1:A", 99 * MS));
    }

    @Test
    void forgetAfterMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new PayloadDebouncer(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new PayloadDebouncer(Duration.ofMillis(-1)));
    }
}
