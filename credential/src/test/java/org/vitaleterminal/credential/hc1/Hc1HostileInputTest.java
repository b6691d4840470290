package org.vitaleterminal.credential.hc1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.crypto.Kid;
import org.vitaleterminal.credential.fuzz.FuzzFixture;
import org.vitaleterminal.credential.fuzz.InputBudget;

/**
 * The zlib bomb and deep CBOR as {@code HC1:} texts, against a trust store that holds a
 * certificate (an empty store refuses everything before decoding). Same bounds as the fuzz
 * targets: {@link InputBudget}.
 */
class Hc1HostileInputTest {
    private static final Instant NOW = Instant.parse("2021-07-01T00:00:00Z");
    private static final KeyPair P256 = TestPki.ec("secp256r1");
    private static final byte[] DSC = TestPki.certificate(P256, null);
    private static final Hc1Verifier VERIFIER = new Hc1Verifier(VerificationPolicy.defaults());
    private static final InputBudget BUDGET = new InputBudget("hostile HC1 inputs");
    private static Hc1TrustStore store;

    @BeforeAll
    static void setUp() throws Exception {
        store = Hc1TrustStore.of(List.of(DSC));
        String valid = TestHcert.es256(P256.getPrivate(), Kid.derivedFrom(DSC).bytes(),
                TestHcert.claims(NOW.minus(Duration.ofDays(1)).getEpochSecond(), NOW.plus(Duration.ofDays(300)).getEpochSecond(),
                        TestHcert.dcc("v"))).text();
        assertTrue(VERIFIER.verify(valid, NOW, store).accepted());
        InputBudget.warmUp(20, () -> VERIFIER.verify(valid, NOW, store),
                () -> VERIFIER.verify(hc1Text(nestedArrays(100)), NOW, store));
    }

    @Test
    void zlibBombIsTooLarge() throws Exception {
        byte[] bomb = TestHcert.zlib(new byte[1024 * 1024]);
        String text = "HC1:" + TestHcert.base45(bomb);
        assertTrue(text.length() <= 4096, "the bomb fits in a QR text");
        VerificationResult result = BUDGET.run(bomb, () -> VERIFIER.verify(text, NOW, store));
        assertEquals(Reason.TOO_LARGE, result.reason(), result::toString);
    }

    @Test
    void tenThousandDeepArrayIsTooLargeAndTheDeepestThatFitsIsFormat() throws Exception {
        byte[] tenThousand = nestedArrays(10_000); // inflates past the 8192-byte cap
        VerificationResult large = BUDGET.run(tenThousand, () -> VERIFIER.verify(hc1Text(tenThousand), NOW, store));
        assertEquals(Reason.TOO_LARGE, large.reason(), large::toString);

        byte[] fits = nestedArrays(8_191);
        VerificationResult deep = BUDGET.run(fits, () -> VERIFIER.verify(hc1Text(fits), NOW, store));
        assertEquals(Reason.FORMAT, deep.reason(), deep::toString);
        assertEquals(Reason.FORMAT, FuzzFixture.requireWellFormed(deep, "Hc1Verifier").reason());
    }

    private static String hc1Text(byte[] cbor) {
        return "HC1:" + TestHcert.base45(TestHcert.zlib(cbor));
    }

    private static byte[] nestedArrays(int depth) {
        byte[] bytes = new byte[depth + 1];
        Arrays.fill(bytes, 0, depth, (byte) 0x81);
        return bytes;
    }

    @AfterAll
    static void report() {
        System.out.println(BUDGET.summary());
    }
}
