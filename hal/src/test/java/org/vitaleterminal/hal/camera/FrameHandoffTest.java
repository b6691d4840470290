package org.vitaleterminal.hal.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FrameHandoffTest {

    private static long publish(FrameHandoff handoff, int value) {
        byte[] buffer = handoff.buffer(16);
        Arrays.fill(buffer, (byte) value);
        return handoff.publish(buffer, 4, 4, 4, value);
    }

    @Test
    void theNewestFrameWinsAndTheOthersCountAsDropped() throws InterruptedException {
        FrameHandoff handoff = new FrameHandoff();
        publish(handoff, 1);
        publish(handoff, 2);
        publish(handoff, 3);

        LumaFrame frame = handoff.take(Duration.ZERO).orElseThrow();

        assertEquals(3, frame.sequence());
        assertEquals(3, frame.luma()[0]);
        assertEquals(new FrameHandoff.Counters(3, 1, 2), handoff.counters());
        assertEquals(Optional.empty(), handoff.take(Duration.ZERO), "each frame is taken once");
    }

    @Test
    void aSlowConsumerCyclesThroughAFewBuffersAndNeverSeesItsFrameReused() throws InterruptedException {
        FrameHandoff handoff = new FrameHandoff();
        Set<byte[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int round = 0; round < 1000; round++) {
            for (int i = 0; i < 3; i++) {
                publish(handoff, round + i);
            }
            LumaFrame held = handoff.take(Duration.ZERO).orElseThrow();
            arrays.add(held.luma());
            for (int i = 0; i < 3; i++) {
                byte[] buffer = handoff.buffer(16);
                assertNotSame(held.luma(), buffer, "the frame the consumer holds is not handed out for writing");
                arrays.add(buffer);
                handoff.recycle(buffer);
            }
            assertEquals((byte) (round + 2), held.luma()[15]);
        }
        assertTrue(arrays.size() <= 3 + FrameHandoff.SPARES, "buffers used: " + arrays.size());
        assertEquals(new FrameHandoff.Counters(3000, 1000, 2000), handoff.counters());
    }

    @Test
    void aTooSmallSpareIsReplacedByALargerBuffer() {
        FrameHandoff handoff = new FrameHandoff();
        handoff.recycle(new byte[8]);
        assertEquals(32, handoff.buffer(32).length);
    }

    @Test
    void takeWaitsAtMostTheGivenTimeAndCloseWakesIt() throws Exception {
        FrameHandoff handoff = new FrameHandoff();
        assertEquals(Optional.empty(), handoff.take(Duration.ofMillis(1)));

        Thread closer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handoff.close();
        });
        assertEquals(Optional.empty(), handoff.take(Duration.ofMinutes(10)));
        closer.join();
    }

    /** A producer racing a consumer: every frame taken is whole (no buffer written while held). */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void framesStayIntactUnderConcurrency() throws Exception {
        FrameHandoff handoff = new FrameHandoff();
        int frames = 20_000;
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int n = 1; n <= frames; n++) {
                byte[] buffer = handoff.buffer(256);
                Arrays.fill(buffer, (byte) n);
                handoff.publish(buffer, 16, 16, 16, n);
            }
        });
        long last = 0;
        long taken = 0;
        while (last < frames) {
            Optional<LumaFrame> next = handoff.take(Duration.ofSeconds(10));
            assertTrue(next.isPresent(), "producer stopped early");
            LumaFrame frame = next.get();
            assertTrue(frame.sequence() > last);
            last = frame.sequence();
            taken++;
            for (int i = 0; i < 256; i++) {
                assertEquals((byte) frame.sequence(), frame.luma()[i], "frame " + frame.sequence() + " byte " + i);
            }
            Thread.onSpinWait();
        }
        producer.join();
        FrameHandoff.Counters counters = handoff.counters();
        assertEquals(frames, counters.captured());
        assertEquals(taken, counters.delivered());
        assertEquals(frames, counters.delivered() + counters.dropped());
    }
}
