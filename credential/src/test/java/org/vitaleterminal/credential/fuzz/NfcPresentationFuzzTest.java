package org.vitaleterminal.credential.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitaleterminal.credential.VerificationResult;

/**
 * Fuzz target 1: raw bytes read over NFC, straight into {@code verifyNfc} (the COSE and CBOR
 * layers of a presentation and of the credential inside it).
 *
 * <p>Seeds are the valid and the signed-but-refused presentations of {@link FuzzFixture}; the
 * fuzzer's mutations of them keep most of the structure, so they reach the inner credential, its
 * protected header and the claims maps. Each input must give a well-formed result within the
 * {@link InputBudget}, and may be accepted only if it carries a seed's signed payload.
 *
 * <p>Regression mode (the default) replays the seeds below and any file under
 * {@code src/test/resources/org/vitaleterminal/credential/fuzz/NfcPresentationFuzzTestInputs/nfcPresentation/};
 * the build's {@code fuzz-nfc} execution fuzzes it ({@code JAZZER_FUZZ=1}). A finding is written
 * to {@code credential/target/jazzer/crash-*}: copy it into that folder to keep it as a
 * regression test.
 */
class NfcPresentationFuzzTest {
    private static final FuzzFixture FIXTURE = FuzzFixture.get();
    private static final InputBudget BUDGET = new InputBudget("nfcPresentation");

    static Stream<Arguments> seeds() {
        return FIXTURE.nfcSeeds().values().stream().map(seed -> Arguments.of((Object) seed));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "20s")
    void nfcPresentation(byte[] input) throws Exception {
        BUDGET.warmUpOnce(20, () -> Stream.concat(FIXTURE.nfcSeeds().values().stream(), Stream.of(new byte[0]))
                .<InputBudget.Call<?>>map(seed -> () -> verify(seed)).toList());
        byte[] bytes = FuzzFixture.cut(input);
        VerificationResult result = BUDGET.run(bytes, () -> verify(bytes));
        FuzzFixture.requireWellFormed(result, "verifyNfc");
        FIXTURE.requireNoBypass(result, bytes, "verifyNfc");
    }

    private static VerificationResult verify(byte[] bytes) {
        return FIXTURE.verifier().verifyNfc(bytes, FuzzFixture.CHALLENGE.clone(), FIXTURE.state());
    }

    @AfterAll
    static void report() {
        System.out.println(BUDGET.summary());
        System.out.println("  " + FIXTURE.acceptedVariants());
    }
}
