package org.vitaleterminal.credential.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bound the fuzz targets rely on really bites, and forgives only a one-off. */
class InputBudgetTest {
    private static final byte[] INPUT = {1, 2, 3};

    @Test
    void cheapCallPassesAndReturnsItsResult() throws Exception {
        assertEquals("ok", new InputBudget("cheap").run(INPUT, () -> "ok"));
    }

    @Test
    void callOverTheCpuBoundTwiceFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> new InputBudget("slow").run(INPUT, () -> burnCpu(InputBudget.MAX_CPU_NANOS + 20_000_000L)));
        assertTrue(error.getMessage().contains("over budget twice in a row"), error::getMessage);
    }

    @Test
    void callOverTheAllocationBoundTwiceFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> new InputBudget("greedy").run(INPUT, () -> new byte[(int) InputBudget.MAX_ALLOCATED_BYTES * 2]));
        assertTrue(error.getMessage().contains("over budget twice in a row"), error::getMessage);
    }

    @Test
    void aOneOffCostGetsASecondChance() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        InputBudget budget = new InputBudget("one-off");
        Object result = budget.run(INPUT, () -> runs.getAndIncrement() == 0
                ? new byte[(int) InputBudget.MAX_ALLOCATED_BYTES * 2] : "second");
        assertEquals("second", result);
        assertEquals(2, runs.get());
        assertTrue(budget.summary().contains("1 second chances"), budget::summary);
    }

    private static long burnCpu(long nanos) {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() - start < nanos) {
            for (int i = 0; i < 10_000; i++) {
                x += i * 31L ^ x;
            }
        }
        return x;
    }
}
