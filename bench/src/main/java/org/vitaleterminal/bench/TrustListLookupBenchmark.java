package org.vitaleterminal.bench;

import java.security.SecureRandom;
import java.util.List;
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
import org.vitaleterminal.credential.crypto.Kid;
import org.vitaleterminal.credential.trust.IssuerKey;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.sim.keys.SimRandom;

/**
 * Goal 3b: the lookups every VT1 verification makes in the trust list —
 * {@link TrustList#issuerKey(Kid)} (step 4) and {@link TrustList#isRevoked(byte[])} (step 5) —
 * for an entry that is present and one that is absent. They must be O(1): the same calls on a
 * list of 10 keys / 1,000 revoked ids and on one of 1,000 keys / 100,000 revoked ids should take
 * about the same time (the large list's tables no longer fit in L1/L2, so a few ns of cache
 * misses are expected; a linear search would be 100× slower).
 *
 * <p>Each call takes the next of {@value #PROBES} prepared probes in turn (present: entries of
 * the list, cycled; absent: fresh random kids / ctis), so neither a single hot entry nor the
 * branch predictor flatters the figure. Setup checks every probe answers as it should. The
 * {@code Optional} that {@code issuerKey} returns is consumed at once, as {@code Vt1Verifier}
 * does ({@code orElseThrow}), so escape analysis removes it; handing it to JMH's blackhole
 * instead would time a 16-byte allocation and the young collections it causes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
@Threads(1)
public class TrustListLookupBenchmark {
    static final int PROBES = 1024;
    private static final int MASK = PROBES - 1;

    @Param({"10/1000", "1000/100000"})
    public String lists;

    private TrustList trustList;
    private final Kid[] presentKids = new Kid[PROBES];
    private final Kid[] absentKids = new Kid[PROBES];
    private final byte[][] presentCtis = new byte[PROBES][];
    private final byte[][] absentCtis = new byte[PROBES][];
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticTrustList minted = SyntheticTrustList.mint(lists);
        trustList = minted.readChecked();
        List<byte[]> kids = minted.kids();
        List<byte[]> ctis = minted.revokedCtis();
        // Spread the present probes over the whole list (a stride coprime with its size when it is large).
        SecureRandom random = SimRandom.seeded(BenchWorld.SEED - 1);
        for (int i = 0; i < PROBES; i++) {
            presentKids[i] = Kid.of(kids.get((int) ((i * 7919L) % kids.size())));
            presentCtis[i] = ctis.get((int) ((i * 7919L) % ctis.size())).clone();
            byte[] kid = new byte[Kid.LENGTH];
            random.nextBytes(kid);
            absentKids[i] = Kid.of(kid);
            absentCtis[i] = new byte[16];
            random.nextBytes(absentCtis[i]);
        }
        for (int i = 0; i < PROBES; i++) {
            if (trustList.issuerKey(presentKids[i]).isEmpty() || !trustList.isRevoked(presentCtis[i])) {
                throw new IllegalStateException("a listed kid or cti is not found");
            }
            if (trustList.issuerKey(absentKids[i]).isPresent() || trustList.isRevoked(absentCtis[i])) {
                throw new IllegalStateException("a random kid or cti is in the list (astronomically unlikely)");
            }
        }
    }

    @Benchmark
    public IssuerKey issuerKeyPresent() {
        return trustList.issuerKey(presentKids[next++ & MASK]).orElseThrow();
    }

    @Benchmark
    public boolean issuerKeyAbsent() {
        return trustList.issuerKey(absentKids[next++ & MASK]).isEmpty();
    }

    @Benchmark
    public boolean isRevokedPresent() {
        return trustList.isRevoked(presentCtis[next++ & MASK]);
    }

    @Benchmark
    public boolean isRevokedAbsent() {
        return trustList.isRevoked(absentCtis[next++ & MASK]);
    }
}
