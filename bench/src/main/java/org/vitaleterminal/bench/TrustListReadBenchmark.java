package org.vitaleterminal.bench;

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
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustListReader;

/**
 * Goal 3a: loading a trust list — {@link TrustListReader#read}: size check, strict CBOR decode
 * of the whole COSE_Sign1, the root's ES256 signature over the payload (SHA-256 of ~2.3 MB at
 * 1,000/100,000), then the claims: every issuer key's COSE_Key (P-256 point validation) into a
 * hash map, every revoked cti into a hash set. Goal on the Raspberry Pi: ≤ 300 ms for 1,000
 * issuer keys and 100,000 revoked ids.
 *
 * <ul>
 *   <li>{@link #read}: warmed-up average time, 2-second iterations (a 1,000/100,000 read
 *       allocates about 49 MB, so the garbage collector's pauses land in some iterations and not
 *       others: longer iterations average them in);</li>
 *   <li>{@link #readCold}: one read per fresh JVM (single shot, no warm-up), over
 *       {@value #COLD_FORKS} forks — closer to the terminal's first load after boot. Before it the
 *       JVM has only minted the list, with the sim's own encoders: the reader's code (CBOR
 *       decoder, claims, maps) has never run, though BouncyCastle's P-256 code has (key
 *       generation and signing), so this is a little warmer than a real boot.</li>
 * </ul>
 * {@code lists} = "issuer keys/revoked ids"; the small list shows how the time scales.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class TrustListReadBenchmark {
    static final int COLD_FORKS = 3;

    /** For {@link #read}: minted, and read once in setup to check that it verifies. */
    @State(Scope.Thread)
    public static class Warm {
        @Param({"10/1000", "1000/100000"})
        public String lists;

        SyntheticTrustList list;

        @Setup(Level.Trial)
        public void setUp() {
            list = SyntheticTrustList.mint(lists);
            list.readChecked();
        }
    }

    /** For {@link #readCold}: minted only, so that the timed read is the JVM's first. */
    @State(Scope.Thread)
    public static class Cold {
        @Param({"10/1000", "1000/100000"})
        public String lists;

        SyntheticTrustList list;

        @Setup(Level.Trial)
        public void setUp() {
            list = SyntheticTrustList.mint(lists);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public TrustList read(Warm warm) throws TrustListException {
        return TrustListReader.read(warm.list.bytes(), warm.list.roots());
    }

    /** {@code read} throws unless the list verifies; the entry counts are checked after it (two int compares). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(COLD_FORKS)
    public TrustList readCold(Cold cold) throws TrustListException {
        return cold.list.checkCounts(TrustListReader.read(cold.list.bytes(), cold.list.roots()));
    }
}
