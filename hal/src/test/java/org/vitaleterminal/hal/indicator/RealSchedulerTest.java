package org.vitaleterminal.hal.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real single-thread scheduler: steps run on its thread, and close leaves no thread behind. */
@Timeout(20)
class RealSchedulerTest {

    @Test
    void stepsRunOnTheIndicatorThreadAndCloseEndsIt() throws Exception {
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        IndicatorOutputs outputs = new IndicatorOutputs() {
            @Override
            public void apply(Lights lights) {
                seen.add(Thread.currentThread().getName() + " " + lights);
            }

            @Override
            public void close() {
                seen.add("closed");
            }
        };
        PatternPlayer player = new PatternPlayer(outputs, TaskScheduler.singleThread("indicator-test"));
        player.play(Patterns.standard().of(Signal.WAITING_FOR_UNLOCK));
        assertEquals("indicator-test amber", seen.poll(10, TimeUnit.SECONDS));
        player.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("indicator-test")), "thread gone");
        String last = null;
        for (String s; (s = seen.poll()) != null; ) {
            assertTrue(s.equals("closed") || s.endsWith("off") || s.endsWith("amber"), s);
            last = s;
        }
        assertEquals("closed", last, "switched off, then released");
    }
}
