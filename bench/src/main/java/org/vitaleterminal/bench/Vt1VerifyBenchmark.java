package org.vitaleterminal.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.vt1.InMemoryReplayGuard;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * Goal 1: the full VT1 verification of a one-beneficiary presentation through the terminal's
 * entry point {@link CredentialVerifier} — step 0 (clock, trust list), prefix, Base45, zlib,
 * strict CBOR, issuer signature, credential claims, holder signature, freshness, replay guard,
 * disclosure digest, data checks. Goal on the Raspberry Pi: median ≤ 250 µs.
 *
 * <ul>
 *   <li>{@link #qrEs256}: Marie DUPONT's QR text, CNAM issuer ES256 + holder ES256;</li>
 *   <li>{@link #nfcEs256}: the same wallet over NFC ({@code verifyNfc}: raw bytes, no
 *       Base45/zlib, nonce = the terminal's challenge);</li>
 *   <li>{@link #qrEdDsaIssuer}: Jean ROUSSEAU's QR text, MSA issuer EdDSA + holder ES256;</li>
 *   <li>{@link #qrEs256RealReplayGuard}: as {@code qrEs256} but with the production
 *       {@link InMemoryReplayGuard} (capacity {@value #GUARD_CAPACITY}, smaller than the pool,
 *       so each presentation has been evicted before it comes round again);</li>
 *   <li>{@link #qrEs256SamePresentation}: as {@code qrEs256} but one presentation verified over
 *       and over. Kept as a control: it comes out faster, because the same signature makes the
 *       ECDSA code take the same branches every time; a terminal never sees that.</li>
 * </ul>
 * Each case cycles through {@value #POOL} distinct presentations (fresh nonces, hence fresh
 * holder signatures; distinct challenges over NFC) minted in setup, all with iat = the terminal's
 * pinned clock. The first three and the control use {@link NeverRemembersReplayGuard}, so the
 * pool can be verified again and again. Sample-time mode reports the median (p0.50) beside the
 * mean. Setup verifies every presentation of every pool before anything is timed, and each timed
 * call checks that its result is an acceptance (one comparison, nothing beside ~200 µs).
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class Vt1VerifyBenchmark {
    static final int POOL = 64;
    static final int GUARD_CAPACITY = 16;
    private static final int MASK = POOL - 1;

    private CredentialVerifier verifier;
    private CredentialVerifier verifierWithRealGuard;
    private TerminalState state;
    private final String[] qrEs256 = new String[POOL];
    private final byte[][] nfcChallenges = new byte[POOL][];
    private final byte[][] nfcPresentations = new byte[POOL][];
    private final String[] qrEdDsa = new String[POOL];
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SampleWorld world = BenchWorld.create();
        SecureRandom random = SimRandom.seeded(BenchWorld.SEED + 1);
        state = BenchWorld.terminalState(world);
        verifier = new CredentialVerifier(VerificationPolicy.defaults(), NeverRemembersReplayGuard.INSTANCE);
        verifierWithRealGuard = new CredentialVerifier(VerificationPolicy.defaults(),
                new InMemoryReplayGuard(GUARD_CAPACITY));

        Wallet marie = world.singleAdult();
        Wallet jean = world.msaFarmer();
        for (int i = 0; i < POOL; i++) {
            qrEs256[i] = marie.presentQr(BenchWorld.NOW, random, 0);
            nfcChallenges[i] = new byte[16];
            random.nextBytes(nfcChallenges[i]);
            nfcPresentations[i] = marie.presentNfc(nfcChallenges[i], BenchWorld.NOW, 0);
            qrEdDsa[i] = jean.presentQr(BenchWorld.NOW, random, 0);
        }
        checkEveryPresentationIsAccepted();
    }

    private void checkEveryPresentationIsAccepted() {
        // A guard that remembers them all: each is accepted once, and a repeat is refused, which
        // also shows that the guard of qrEs256RealReplayGuard is a working one.
        CredentialVerifier remembering = new CredentialVerifier(VerificationPolicy.defaults(),
                new InMemoryReplayGuard(8 * POOL));
        for (int i = 0; i < POOL; i++) {
            BenchWorld.requireAccepted("VT1 QR ES256", remembering.verifyText(qrEs256[i], Channel.QR, state));
            BenchWorld.requireAccepted("VT1 NFC ES256",
                    remembering.verifyNfc(nfcPresentations[i], nfcChallenges[i], state));
            BenchWorld.requireAccepted("VT1 QR EdDSA issuer", remembering.verifyText(qrEdDsa[i], Channel.QR, state));
        }
        VerificationResult repeat = remembering.verifyText(qrEs256[0], Channel.QR, state);
        if (repeat.reason() != Reason.REPLAYED) {
            throw new IllegalStateException("a repeated presentation was not refused as replayed: " + repeat);
        }
        for (int i = 0; i < POOL; i++) {
            BenchWorld.requireAccepted("VT1 QR ES256 (never-remembering guard)",
                    verifier.verifyText(qrEs256[i], Channel.QR, state));
        }
    }

    @Benchmark
    public VerificationResult qrEs256() {
        return BenchWorld.requireAccepted("VT1 QR ES256",
                verifier.verifyText(qrEs256[next++ & MASK], Channel.QR, state));
    }

    @Benchmark
    public VerificationResult nfcEs256() {
        int i = next++ & MASK;
        return BenchWorld.requireAccepted("VT1 NFC ES256",
                verifier.verifyNfc(nfcPresentations[i], nfcChallenges[i], state));
    }

    @Benchmark
    public VerificationResult qrEdDsaIssuer() {
        return BenchWorld.requireAccepted("VT1 QR EdDSA issuer",
                verifier.verifyText(qrEdDsa[next++ & MASK], Channel.QR, state));
    }

    @Benchmark
    public VerificationResult qrEs256RealReplayGuard() {
        return BenchWorld.requireAccepted("VT1 QR ES256 (real replay guard)",
                verifierWithRealGuard.verifyText(qrEs256[next++ & MASK], Channel.QR, state));
    }

    @Benchmark
    public VerificationResult qrEs256SamePresentation() {
        return BenchWorld.requireAccepted("VT1 QR ES256 (same presentation)",
                verifier.verifyText(qrEs256[0], Channel.QR, state));
    }
}
