package org.vitaleterminal.credential.hc1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.crypto.Kid;
import org.vitaleterminal.credential.fuzz.CborEdits;
import org.vitaleterminal.credential.fuzz.FuzzFixture;
import org.vitaleterminal.credential.fuzz.InputBudget;
import org.vitaleterminal.sim.cbor.Cbor;

/**
 * Fuzz target 4: {@code HC1:} texts into {@link Hc1Verifier#verify} and, for the same text,
 * {@code CredentialVerifier.verifyText}, which must agree with it. The first input byte,
 * {@code mod 4}, picks the mode:
 * <ul>
 *   <li>{@code 0}, <b>raw string</b>: the rest as UTF-8 text (seeds: valid ES256 and
 *       PS256 certificates of each entry type, tag 18, untagged and CWT-wrapped);</li>
 *   <li>{@code 1}, <b>COSE bytes</b>: {@code "HC1:" + Base45(zlib(rest))}, so mutations hit
 *       the CBOR and COSE layers behind a valid transport;</li>
 *   <li>{@code 2}, <b>re-signed claims</b>: the rest is the CWT payload, which the harness
 *       signs with the trusted P-256 document signer, to reach the claims and DCC decoding that
 *       only a verified signature unlocks;</li>
 *   <li>{@code 3}, <b>edited claims</b>: the rest is a {@code CborEdits} script applied to one of
 *       the seed claims ({@code selector / 4} picks which), then signed as in mode 2.</li>
 * </ul>
 * In the first two modes an accepted text must carry a seed's signed payload. Keys and
 * certificates are generated afresh on each run (the JCA's randomness), so a finding that
 * depends on a valid signature is reproduced by its mode-2 form, where the harness signs.
 * Findings: {@code credential/target/jazzer/crash-*}.
 */
class Hc1FuzzTest {
    private static final Instant NOW = FuzzFixture.NOW;
    private static final InputBudget BUDGET = new InputBudget("hc1");
    private static final int RAW_STRING = 0;
    private static final int COSE_BYTES = 1;
    private static final int RESIGNED_CLAIMS = 2;
    private static final int EDITED_CLAIMS = 3;
    private static final List<byte[]> SEED_CLAIMS = new ArrayList<>();

    private static final KeyPair P256 = TestPki.ec("secp256r1");
    private static final KeyPair RSA = TestPki.rsa(2048);
    private static final byte[] P256_DSC = TestPki.certificate(P256, "CN=Fuzz DSC,C=FR",
            Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), null);
    private static final byte[] RSA_DSC = TestPki.certificate(RSA, "CN=Fuzz RSA DSC,C=FR",
            Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
            List.of(TestPki.OID_VACCINATION));
    private static final Kid P256_KID = Kid.derivedFrom(P256_DSC);
    private static final Kid RSA_KID = Kid.derivedFrom(RSA_DSC);
    private static final long IAT = NOW.minus(Duration.ofDays(30)).getEpochSecond();
    private static final long EXP = NOW.plus(Duration.ofDays(300)).getEpochSecond();

    private static final Hc1TrustStore STORE;
    private static final TerminalState STATE;
    private static final Hc1Verifier HC1 = new Hc1Verifier(VerificationPolicy.defaults());
    private static final CredentialVerifier FACADE =
            new CredentialVerifier(VerificationPolicy.defaults(), FuzzFixture.NEVER_REPLAYED);
    private static final List<byte[]> SEEDS = new ArrayList<>();
    private static final Set<ByteBuffer> SIGNED_PAYLOADS = new HashSet<>();

    static {
        try {
            STORE = Hc1TrustStore.of(List.of(P256_DSC, RSA_DSC));
        } catch (InvalidCertificateException e) {
            throw new IllegalStateException(e);
        }
        STATE = new TerminalState(NOW, true, FuzzFixture.get().trustList(), STORE);
        List<TestHcert> valid = new ArrayList<>();
        for (String type : List.of("v", "t", "r")) {
            valid.add(TestHcert.es256(P256.getPrivate(), P256_KID.bytes(), TestHcert.claims(IAT, EXP, TestHcert.dcc(type))));
        }
        TestHcert untagged = TestHcert.es256(P256.getPrivate(), P256_KID.bytes(), TestHcert.claims(IAT, EXP, TestHcert.dcc("v")));
        untagged.tagging = 0;
        TestHcert cwt = TestHcert.es256(P256.getPrivate(), P256_KID.bytes(), TestHcert.claims(IAT, EXP, TestHcert.dcc("t")));
        cwt.tagging = 61;
        valid.add(untagged);
        valid.add(cwt);
        valid.add(TestHcert.ps256(RSA.getPrivate(), RSA_KID.bytes(), TestHcert.claims(IAT, EXP, TestHcert.dcc("v"))));
        for (TestHcert hcert : valid) {
            byte[] cose = hcert.cose();
            String text = "HC1:" + TestHcert.base45(TestHcert.zlib(cose));
            if (!HC1.verify(text, NOW, STORE).accepted()) {
                throw new IllegalStateException("HC1 seed must be accepted: " + HC1.verify(text, NOW, STORE));
            }
            try {
                SIGNED_PAYLOADS.add(ByteBuffer.wrap(Hc1Decoder.decode(text).payload()));
            } catch (Rejection e) {
                throw new IllegalStateException(e);
            }
            SEEDS.add(FuzzFixture.prefixed(RAW_STRING, text.getBytes(StandardCharsets.US_ASCII)));
            SEEDS.add(FuzzFixture.prefixed(COSE_BYTES, cose));
        }
        SEED_CLAIMS.add(TestHcert.claims(IAT, EXP, TestHcert.dcc("v")).encode());
        SEED_CLAIMS.add(TestHcert.claims(IAT, EXP, TestHcert.dcc("t", "r")).encode());
        for (int i = 0; i < SEED_CLAIMS.size(); i++) {
            SEEDS.add(FuzzFixture.prefixed(RESIGNED_CLAIMS, SEED_CLAIMS.get(i)));
            for (byte[] script : CborEdits.scripts(200 + i, 3)) {
                SEEDS.add(FuzzFixture.prefixed(EDITED_CLAIMS + 4 * i, script));
            }
        }
    }

    static Stream<Arguments> seeds() {
        return SEEDS.stream().map(seed -> Arguments.of((Object) seed));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "20s")
    void hc1(byte[] input) throws Exception {
        BUDGET.warmUpOnce(20, () -> Stream.concat(SEEDS.stream(), Stream.of(new byte[0]))
                .<InputBudget.Call<?>>map(seed -> {
                    String text = textOf(seed);
                    return () -> HC1.verify(text, NOW, STORE);
                }).toList());
        byte[] cut = FuzzFixture.cut(input);
        String text = textOf(cut);
        VerificationResult direct = BUDGET.run(cut, () -> HC1.verify(text, NOW, STORE));
        FuzzFixture.requireWellFormed(direct, "Hc1Verifier.verify");
        VerificationResult viaFacade = BUDGET.run(cut, () -> FACADE.verifyText(text, Channel.QR, STATE));
        FuzzFixture.requireWellFormed(viaFacade, "verifyText (HC1)");
        if (text.startsWith("HC1:") && direct.reason() != viaFacade.reason()) {
            throw new AssertionError("verifyText and Hc1Verifier disagree: " + viaFacade.reason() + " vs " + direct.reason());
        }
        if (FuzzFixture.selector(cut) % 4 < RESIGNED_CLAIMS && (direct.accepted() || viaFacade.accepted())) {
            byte[] payload;
            try {
                payload = Hc1Decoder.decode(text).payload();
            } catch (Rejection e) {
                throw new AssertionError("accepted a text the HC1 decoder refuses: " + e.detail());
            }
            if (!SIGNED_PAYLOADS.contains(ByteBuffer.wrap(payload))) {
                throw new AssertionError("SIGNATURE BYPASS: an HC1 text accepted whose signed payload is not a seed's: "
                        + text);
            }
        }
    }

    /** The text an input stands for, per its mode (see the class comment). */
    static String textOf(byte[] input) {
        int selector = FuzzFixture.selector(input);
        byte[] rest = FuzzFixture.rest(input);
        return switch (selector % 4) {
            case RAW_STRING -> new String(rest, StandardCharsets.UTF_8);
            case COSE_BYTES -> "HC1:" + TestHcert.base45(TestHcert.zlib(rest));
            case RESIGNED_CLAIMS -> TestHcert.es256(P256.getPrivate(), P256_KID.bytes(), Cbor.raw(rest)).text();
            default -> TestHcert.es256(P256.getPrivate(), P256_KID.bytes(), Cbor.raw(CborEdits
                    .edit(SEED_CLAIMS.get(selector / 4 % SEED_CLAIMS.size()), rest))).text();
        };
    }

    @AfterAll
    static void report() {
        System.out.println(BUDGET.summary());
    }
}
