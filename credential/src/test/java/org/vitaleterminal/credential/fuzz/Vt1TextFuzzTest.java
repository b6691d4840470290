package org.vitaleterminal.credential.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.vt1.Vt1Text;
import org.vitaleterminal.sim.codec.Base45Encoder;
import org.vitaleterminal.sim.codec.Zlib;

/**
 * Fuzz target 2: scanned texts into {@code verifyText}. The first input byte picks how the rest
 * becomes a text:
 * <ul>
 *   <li>{@code 0 mod 3}, <b>valid transport</b>: {@code "VT1:" + Base45(zlib(rest))}, the
 *       harness compressing and encoding correctly, so every input reaches the CBOR and COSE
 *       layers behind the transport (seeds: QR presentations);</li>
 *   <li>{@code 1 mod 3}, <b>raw zlib</b>: {@code "VT1:" + Base45(rest)}: the fuzzer writes the
 *       zlib stream itself and explores the bounded inflater (seeds: the same presentations
 *       compressed at levels 0, 1 and 9, a stream inflating to exactly the 8 KiB cap and one
 *       just over it);</li>
 *   <li>{@code 2 mod 3}, <b>raw string</b>: the rest as UTF-8 text, as a QR or wedge text
 *       (seeds: the full QR texts, an HC1-looking text, junk).</li>
 * </ul>
 * Each input: a well-formed result within the {@link InputBudget}; accepted only if the
 * presentation it carries holds a seed's signed payload. Findings: {@code credential/target/jazzer/crash-*}.
 */
class Vt1TextFuzzTest {
    private static final FuzzFixture FIXTURE = FuzzFixture.get();
    private static final InputBudget BUDGET = new InputBudget("vt1Text");
    private static final int VALID_TRANSPORT = 0;
    private static final int RAW_ZLIB = 1;
    private static final int RAW_STRING = 2;

    static List<byte[]> seedInputs() {
        List<byte[]> seeds = new ArrayList<>();
        for (byte[] presentation : FIXTURE.qrSeeds().values()) {
            seeds.add(FuzzFixture.prefixed(VALID_TRANSPORT, presentation));
        }
        for (String name : List.of("single-adult[0]", "family[0, 1, 2, 3]", "msa-farmer[0]")) {
            byte[] presentation = FIXTURE.qrSeeds().get(name);
            for (int level : new int[] {Deflater.NO_COMPRESSION, Deflater.BEST_SPEED, Deflater.BEST_COMPRESSION}) {
                seeds.add(FuzzFixture.prefixed(RAW_ZLIB, Zlib.compress(presentation, level)));
            }
            seeds.add(FuzzFixture.prefixed(RAW_STRING, ascii(Vt1Text.PREFIX + Base45Encoder.encode(Zlib.compress(presentation)))));
        }
        seeds.add(FuzzFixture.prefixed(RAW_ZLIB, Zlib.compress(new byte[Vt1Text.MAX_INFLATED_BYTES])));
        seeds.add(FuzzFixture.prefixed(RAW_ZLIB, Zlib.compress(new byte[Vt1Text.MAX_INFLATED_BYTES + 1])));
        seeds.add(FuzzFixture.prefixed(RAW_STRING, ascii("HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH")));
        seeds.add(FuzzFixture.prefixed(RAW_STRING, "VT1:\u00e9\ud83d\ude00".getBytes(StandardCharsets.UTF_8)));
        return seeds;
    }

    static Stream<Arguments> seeds() {
        return seedInputs().stream().map(seed -> Arguments.of((Object) seed));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "20s")
    void vt1Text(byte[] input) throws Exception {
        BUDGET.warmUpOnce(20, () -> Stream.concat(seedInputs().stream(), Stream.of(new byte[0]))
                .<InputBudget.Call<?>>map(seed -> () -> verify(textOf(seed), Channel.QR)).toList());
        byte[] cut = FuzzFixture.cut(input);
        String text = textOf(cut);
        Channel channel = (FuzzFixture.selector(cut) & 0x80) == 0 ? Channel.QR : Channel.WEDGE;
        VerificationResult result = BUDGET.run(cut, () -> verify(text, channel));
        FuzzFixture.requireWellFormed(result, "verifyText");
        if (result.accepted()) {
            byte[] presentation;
            try {
                presentation = Vt1Text.presentationBytes(text);
            } catch (Rejection e) {
                throw new AssertionError("accepted a text whose transport the terminal itself refuses: " + e.detail());
            }
            FIXTURE.requireNoBypass(result, presentation, "verifyText");
        }
    }

    /** The text an input stands for, per its mode (see the class comment). */
    static String textOf(byte[] input) {
        byte[] rest = FuzzFixture.rest(input);
        return switch ((FuzzFixture.selector(input) & 0x7F) % 3) {
            case VALID_TRANSPORT -> Vt1Text.PREFIX + Base45Encoder.encode(Zlib.compress(rest));
            case RAW_ZLIB -> Vt1Text.PREFIX + Base45Encoder.encode(rest);
            default -> new String(rest, StandardCharsets.UTF_8);
        };
    }

    private static VerificationResult verify(String text, Channel channel) {
        return FIXTURE.verifier().verifyText(text, channel, FIXTURE.state());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @AfterAll
    static void report() {
        System.out.println(BUDGET.summary());
        System.out.println("  " + FIXTURE.acceptedVariants());
    }
}
