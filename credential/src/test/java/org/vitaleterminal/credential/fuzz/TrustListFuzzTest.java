package org.vitaleterminal.credential.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.trust.TrustListAuthority;
import org.vitaleterminal.sim.trust.TrustListContent;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * Fuzz target 3: trust-list bytes into {@code TrustListReader.read}, where only a
 * {@link TrustListException} may escape. The first input byte, {@code mod 3}, picks the mode:
 * <ul>
 *   <li>0, <b>raw</b>: the rest is the signed list as downloaded; a list that reads must carry
 *       the signed payload of a seed (anything else is a signature bypass);</li>
 *   <li>1, <b>re-signed</b>: the rest is the claims payload, which the harness signs with the
 *       pinned root, so the fuzzer reaches the claims decoder, the issuer-key records and their
 *       COSE_Keys, and the revocation list, none of which a raw mutation gets past the
 *       signature to;</li>
 *   <li>2, <b>edited</b>: the rest is a {@link CborEdits} script applied to a seed's claims
 *       ({@code selector / 3} picks which), then signed as in mode 1: well-formed lists with
 *       extreme times, wrong types, missing or duplicated entries.</li>
 * </ul>
 * A list that reads is then put to use: seed presentations are verified against it.
 * Every call runs within the {@link InputBudget}. Findings: {@code credential/target/jazzer/crash-*}.
 */
class TrustListFuzzTest {
    private static final FuzzFixture FIXTURE = FuzzFixture.get();
    private static final InputBudget BUDGET = new InputBudget("trustList");
    private static final TrustListAuthority AUTHORITY = FIXTURE.world().authority();
    private static final List<ByteBuffer> SIGNED_PAYLOADS = new ArrayList<>();
    /** Presentations verified against a list that reads: an ES256 issuer, an EdDSA one, the demo key. */
    private static final List<String> USE_WITH = List.of("single-adult[0]", "msa-farmer[0]", "demo[0]");
    private static final int RAW = 0;
    private static final int RESIGNED = 1;
    private static final int EDITED = 2;
    private static final List<byte[]> SEED_PAYLOADS = new ArrayList<>();

    static {
        for (byte[] seed : seedInputs()) {
            if (FuzzFixture.selector(seed) % 3 != EDITED && read(listBytes(seed)) == null) {
                throw new IllegalStateException("trust-list seed " + InputBudget.preview(seed) + " must read");
            }
        }    }

    static List<byte[]> seedInputs() {
        SampleWorld world = FIXTURE.world();
        // The list in use, and a version 2 with more revocations.
        TrustListContent v2 = TrustListContent.builder()
                .version(2)
                .issuedAt(FuzzFixture.NOW)
                .expiresAt(FuzzFixture.NOW.plus(Duration.ofDays(7)))
                .issuerKey(world.cnam().keyEntry())
                .issuerKey(world.msa().keyEntry())
                .issuerKey(world.demoIssuer().keyEntry());
        java.security.SecureRandom random = SimRandom.seeded(3);
        for (int i = 0; i < 8; i++) {
            byte[] cti = new byte[16];
            random.nextBytes(cti);
            v2.revoke(cti, FuzzFixture.NOW.plus(Duration.ofDays(30 + i)));
        }
        List<byte[]> lists = List.of(world.trustList(), AUTHORITY.sign(v2));
        List<byte[]> seeds = new ArrayList<>();
        SEED_PAYLOADS.clear();
        for (byte[] list : lists) {
            byte[] payload = FuzzFixture.signedPayload(list);
            SIGNED_PAYLOADS.add(ByteBuffer.wrap(payload));
            SEED_PAYLOADS.add(payload);
            seeds.add(FuzzFixture.prefixed(RAW, list));
            seeds.add(FuzzFixture.prefixed(RESIGNED, payload));
        }
        for (int i = 0; i < lists.size(); i++) {
            for (byte[] script : CborEdits.scripts(100 + i, 3)) {
                seeds.add(FuzzFixture.prefixed(EDITED + 3 * i, script));
            }
        }
        return seeds;
    }

    static Stream<Arguments> seeds() {
        return seedInputs().stream().map(seed -> Arguments.of((Object) seed));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "20s")
    void trustList(byte[] input) throws Exception {
        BUDGET.warmUpOnce(20, () -> Stream.concat(seedInputs().stream(), Stream.of(new byte[0]))
                .<InputBudget.Call<?>>map(seed -> () -> read(listBytes(seed))).toList());
        byte[] cut = FuzzFixture.cut(input);
        byte[] bytes = listBytes(cut);
        TrustList list = BUDGET.run(bytes, () -> read(bytes));
        if (list == null) {
            return;
        }
        if (FuzzFixture.selector(cut) % 3 == RAW
                && !SIGNED_PAYLOADS.contains(ByteBuffer.wrap(FuzzFixture.signedPayload(bytes)))) {
            throw new AssertionError("SIGNATURE BYPASS: a trust list read whose signed payload is not a seed's: "
                    + InputBudget.preview(bytes));
        }
        // A list that reads is used: the terminal must cope with whatever keys and revocations it holds.
        for (String name : USE_WITH) {
            byte[] presentation = FIXTURE.nfcSeeds().get(name);
            VerificationResult result = BUDGET.run(presentation, () -> FIXTURE.verifier()
                    .verifyNfc(presentation, FuzzFixture.CHALLENGE.clone(), FIXTURE.stateWith(list)));
            FuzzFixture.requireWellFormed(result, "verifyNfc with a fuzzed trust list");
        }
    }

    /** The bytes the reader gets, per the input's mode. */
    static byte[] listBytes(byte[] input) {
        int selector = FuzzFixture.selector(input);
        byte[] rest = FuzzFixture.rest(input);
        byte[] payload = switch (selector % 3) {
            case RAW -> null;
            case RESIGNED -> rest;
            default -> CborEdits.edit(SEED_PAYLOADS.get(selector / 3 % SEED_PAYLOADS.size()), rest);
        };
        return payload == null ? rest
                : AUTHORITY.trustListSigner(org.vitaleterminal.sim.cbor.Cbor.map()).payload(payload).sign().encode();
    }

    /** The list, or {@code null} when the reader refuses it with its one allowed exception. */
    private static TrustList read(byte[] bytes) {
        try {
            TrustList list = TrustListReader.read(bytes, FIXTURE.roots());
            if (list == null) {
                throw new AssertionError("TrustListReader.read returned null");
            }
            return list;
        } catch (TrustListException refused) {
            if (refused.problem() == null) {
                throw new AssertionError("a TrustListException without a problem");
            }
            return null;
        }
    }

    @AfterAll
    static void report() {
        System.out.println(BUDGET.summary());
    }
}
