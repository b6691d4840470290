package org.vitaleterminal.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.vitaleterminal.firmware.qr.QrFrameDecoder;
import org.vitaleterminal.firmware.qr.QrHit;
import org.vitaleterminal.firmware.qr.QrScanCounters;
import org.vitaleterminal.firmware.qr.Ticker;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.sim.qr.QrSymbol;

/**
 * The camera path: {@link QrFrameDecoder#decode} on one luma frame (goals: 640×480 with a code
 * p50 ≤ 1.5 ms, p99 ≤ 3 ms; 1280×720 with a code p50 ≤ 3 ms; 720p without a code ≤ 1 ms;
 * allocation per frame reported with {@code -prof gc}; first decode after start ≤ 300 ms).
 *
 * <ul>
 *   <li>{@link #firstSighting}: the decoder forgets the last hit before every call, so the whole
 *       frame is searched (the frame in which a code appears);
 *   <li>{@link #codeInView}: the same decoder frame after frame, as while a phone is held up: the
 *       fast path reads a crop around the last hit;
 *   <li>{@link QrColdStartBenchmark}: the first decode after start.
 * </ul>
 * Every timed call checks its result (a found code must be the VT1 text; an empty frame must
 * give nothing) and throws otherwise, so a miss is never timed as a success.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
// The terminal's own heap and collector (systemd/vitale-terminal.service): a frame's p99 includes
// the young collections its ~20 kB of garbage causes, so they are timed as the terminal has them.
@Fork(value = 1, jvmArgsAppend = {"-Xms32m", "-Xmx96m", "-XX:+UseSerialGC"})
@Threads(1)
public class QrFrameDecodeBenchmark {
    /** {@code WIDTHxHEIGHT/code} or {@code WIDTHxHEIGHT/empty}; 4 px per module. */
    @Param({"640x480/code", "1280x720/code", "1280x720/empty", "640x480/empty"})
    public String frame;

    private LumaFrame luma;
    private String expected;
    private QrFrameDecoder decoder;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = frame.split("[x/]");
        int width = Integer.parseInt(parts[0]);
        int height = Integer.parseInt(parts[1]);
        boolean withCode = parts[2].equals("code");
        String text = BenchQrFrames.vt1Text();
        QrSymbol code = QrSymbol.encode(text);
        luma = BenchQrFrames.frame(width, height, withCode ? code : null, 4);
        expected = withCode ? text : null;
        // The production budget and sweep policy: on empty frames, what the terminal really spends.
        decoder = QrFrameDecoder.create(Ticker.system(), QrFrameDecoder.DEFAULT_BUDGET, QrFrameDecoder.DEFAULT_SWEEP_EVERY,
                new QrScanCounters());
        check(decoder.decode(luma));
    }

    private Optional<QrHit> check(Optional<QrHit> hit) {
        if (expected == null ? hit.isPresent() : hit.isEmpty() || !hit.get().text().equals(expected)) {
            throw new IllegalStateException(frame + ": expected " + (expected == null ? "no code" : "the VT1 text")
                    + ", got " + hit);
        }
        return hit;
    }

    @Benchmark
    public Optional<QrHit> firstSighting() {
        decoder.forgetLastHit();
        return check(decoder.decode(luma));
    }

    @Benchmark
    public Optional<QrHit> codeInView() {
        return check(decoder.decode(luma));
    }
}
