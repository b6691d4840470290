package org.vitaleterminal.credential.fuzz;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-input resource bound of the fuzz targets and hostile-input tests: each input may cost
 * at most {@link #MAX_CPU_NANOS} of this thread's CPU time and allocate at most
 * {@link #MAX_ALLOCATED_BYTES}.
 *
 * <p><b>Why thread CPU time.</b> Wall-clock time on a shared two-core CI machine includes
 * preemption, GC and JIT compiler threads; {@code ThreadMXBean.getCurrentThreadCpuTime} counts
 * only the cycles of the verifying thread, so the bound measures the decoder's own work.
 *
 * <p><b>Why 4 MiB.</b> Inputs are at most 4 KiB of text or bytes (8 KiB in the harnesses, to
 * cover the size checks), and the inflater stops at 8 KiB. Honest decoding of the worst such
 * input costs well under a megabyte: a Base45 and an inflate buffer of a few KiB, at most one
 * CBOR item per input byte in each of the four separately decoded layers (presentation,
 * presentation claims, credential, claims), a UTF-8 decoder per text string, and the
 * signature checks (a few tens of KiB each). 4 MiB leaves room for that and for JIT-cold paths,
 * while anything that sizes an allocation from a declared length rather than from the bytes
 * present (the "unbounded allocation" the requirement forbids: a 9-byte CBOR head can declare
 * 2^64 elements) overshoots it by orders of magnitude or dies with an OutOfMemoryError, which the
 * harness reports as a finding too.
 *
 * <p><b>Class loading and linkage.</b> The first run of a code path can be slow for reasons that
 * do not recur: class loading and verification, the bootstrap of a string-concatenation or lambda
 * call site, interpreted execution before the JIT, and, in fuzzing mode, Jazzer's own first-run
 * work and the re-instrumentation of already loaded classes. So before its first measured input
 * each target runs its seeds a number of times ({@link #warmUpOnce}, after Jazzer's agent is in
 * place, so that what gets compiled is the instrumented code); and an input over budget is run a
 * second time at once, and only an input that is over budget twice in a row fails. A decoding path that really is
 * slow or allocates a lot does so on every run, so the second measurement cannot hide it; the
 * number of such second chances is printed at the end of each run.
 */
public final class InputBudget {
    public static final long MAX_CPU_NANOS = 50_000_000L;
    public static final long MAX_ALLOCATED_BYTES = 4L * 1024 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        if (!THREADS.isCurrentThreadCpuTimeSupported() || !THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time and allocation");
        }
        THREADS.setThreadCpuTimeEnabled(true);
        THREADS.setThreadAllocatedMemoryEnabled(true);
    }

    /** What one call must be: run it and return its result, or throw if it breaks a contract. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws Exception;
    }

    private final String target;
    private final AtomicLong inputs = new AtomicLong();
    private final AtomicLong secondChances = new AtomicLong();
    private final AtomicLong maxCpuNanos = new AtomicLong();
    private final AtomicLong maxAllocated = new AtomicLong();
    private volatile String costliestCpu = "-";
    private volatile String costliestAllocation = "-";
    private volatile Call<?> costliestCpuCall;
    private volatile Call<?> costliestAllocationCall;

    public InputBudget(String target) {
        this.target = target;
    }

    private final java.util.concurrent.atomic.AtomicBoolean warm = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Runs each call {@code rounds} times, unmeasured, the first time this is called (from the fuzz
     * target's body: by then Jazzer's agent has instrumented the classes); later calls do nothing.
     */
    public void warmUpOnce(int rounds, java.util.function.Supplier<java.util.List<Call<?>>> calls) {
        if (warm.compareAndSet(false, true)) {
            warmUp(rounds, calls.get().toArray(Call<?>[]::new));
        }
    }

    /** Runs each call {@code rounds} times without measuring: loads and JIT-compiles the common paths. */
    public static void warmUp(int rounds, Call<?>... calls) {
        for (int round = 0; round < rounds; round++) {
            for (Call<?> call : calls) {
                try {
                    call.run();
                } catch (Exception ignored) {
                    // the measured run reports it
                }
            }
        }
    }

    /**
     * Runs {@code call} on {@code input} within the budget and returns its result. Exceptions
     * from the call propagate (the fuzz target decides which are allowed).
     */
    public <T> T run(byte[] input, Call<T> call) throws Exception {
        inputs.incrementAndGet();
        Measured<T> first = measure(call);
        if (first.within()) {
            record(first, input, call);
            return first.result;
        }
        secondChances.incrementAndGet();
        Measured<T> second = measure(call);
        record(second, input, call);
        if (!second.within()) {
            throw new AssertionError(String.format(
                    "%s: input over budget twice in a row (limits %d ms CPU, %d KiB allocated): first %.1f ms / %d KiB,"
                            + " then %.1f ms / %d KiB; %d-byte input %s",
                    target, MAX_CPU_NANOS / 1_000_000, MAX_ALLOCATED_BYTES / 1024,
                    first.cpuNanos / 1e6, first.allocated / 1024, second.cpuNanos / 1e6, second.allocated / 1024,
                    input.length, preview(input)));
        }
        return second.result;
    }

    private record Measured<T>(T result, long cpuNanos, long allocated) {
        boolean within() {
            return cpuNanos <= MAX_CPU_NANOS && allocated <= MAX_ALLOCATED_BYTES;
        }
    }

    private static <T> Measured<T> measure(Call<T> call) throws Exception {
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        T result = call.run();
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        return new Measured<>(result, cpu, allocated);
    }

    private synchronized void record(Measured<?> measured, byte[] input, Call<?> call) {
        if (measured.cpuNanos > maxCpuNanos.get()) {
            maxCpuNanos.set(measured.cpuNanos);
            costliestCpu = inputs.get() + ": " + preview(input, 40);
            costliestCpuCall = call;
        }
        if (measured.allocated > maxAllocated.get()) {
            maxAllocated.set(measured.allocated);
            costliestAllocation = inputs.get() + ": " + preview(input, 40);
            costliestAllocationCall = call;
        }
    }

    /** The cheapest of three runs: what the input costs once its code is loaded and compiled. */
    private static String rerun(Call<?> call) {
        if (call == null) {
            return "";
        }
        long cpu = Long.MAX_VALUE;
        long allocated = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            try {
                Measured<?> measured = measure(call);
                cpu = Math.min(cpu, measured.cpuNanos);
                allocated = Math.min(allocated, measured.allocated);
            } catch (Exception e) {
                return " (re-run threw " + e + ")";
            }
        }
        return String.format(" (run again now: %.2f ms, %d KiB)", cpu / 1e6, allocated / 1024);
    }

    /**
     * For the test log: inputs run, the worst CPU time and allocation seen (with the input's
     * number and first bytes, and what it costs when run again now: a first-run cost such as
     * class loading shows as a large difference), second chances used.
     */
    public String summary() {
        return String.format("%s: %d inputs measured, max %.2f ms CPU and %d KiB allocated per input, %d second chances"
                        + "%n  most CPU: input #%s%s%n  most allocation: input #%s%s",
                target, inputs.get(), maxCpuNanos.get() / 1e6, maxAllocated.get() / 1024, secondChances.get(),
                costliestCpu, rerun(costliestCpuCall), costliestAllocation, rerun(costliestAllocationCall));
    }

    public long inputs() {
        return inputs.get();
    }

    static String preview(byte[] input) {
        return preview(input, 96);
    }

    static String preview(byte[] input, int maxBytes) {
        int shown = Math.min(input.length, maxBytes);
        return HexFormat.of().formatHex(input, 0, shown) + (shown < input.length ? "..." : "");
    }
}
