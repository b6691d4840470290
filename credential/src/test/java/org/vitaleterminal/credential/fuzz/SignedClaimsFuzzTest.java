package org.vitaleterminal.credential.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.sim.cbor.Cbor;
import org.vitaleterminal.sim.cbor.CborMapBuilder;
import org.vitaleterminal.sim.cose.CoseHeaders;
import org.vitaleterminal.sim.cose.CoseSign1Builder;
import org.vitaleterminal.sim.cose.Vt1ExternalAad;
import org.vitaleterminal.sim.issuer.CredentialClaims;
import org.vitaleterminal.sim.issuer.Issuer;
import org.vitaleterminal.sim.issuer.MintedCredential;
import org.vitaleterminal.sim.keys.SimKeyPair;
import org.vitaleterminal.sim.wallet.PresentationChannel;
import org.vitaleterminal.sim.wallet.PresentationClaims;
import org.vitaleterminal.sim.wallet.Wallet;

/**
 * Fuzz target 5: the layers behind the signatures. The verifier decodes the credential's claims,
 * the holder's COSE_Key and the disclosures only once a signature covers them, so byte mutations
 * of a signed presentation never reach that code. Here the harness signs what the fuzzer writes
 * with the world's real keys, exactly as a (buggy or hostile) issuer or wallet could. The layer,
 * by {@code selector mod 3}:
 * <ul>
 *   <li><b>presentation claims</b>, signed with the wallet's device key (a wallet controls this
 *       layer completely);</li>
 *   <li><b>credential claims</b>, signed with the issuer's key, then presented by the wallet
 *       with all its disclosures;</li>
 *   <li><b>one disclosure</b>, whose digest the harness puts into the wallet's credential
 *       claims before the issuer signs them.</li>
 * </ul>
 * {@code (selector / 3) mod 2} says how the fuzzer writes that layer: 0, as raw bytes (byte
 * mutations of the seed); 1, as an edit script for {@link CborEdits}, which keeps the CBOR well
 * formed and puts extreme integers, out-of-range times, wrong types and sizes, missing and
 * duplicated entries where the seed had sane values. {@code (selector / 6) mod 4} picks the wallet:
 * single adult and family (CNAM, ES256), delegated (CNAM, with a delegation), MSA farmer (EdDSA
 * issuer); {@code (selector / 24)} the disclosure to edit. Acceptance is legitimate here (the keys
 * are trusted), except for the presentation-claims layer, where the credential inside is not
 * re-signed and must therefore be one that was issued. Every verification runs within the
 * {@link InputBudget}; the signing does not count. Findings: {@code credential/target/jazzer/crash-*}.
 */
class SignedClaimsFuzzTest {
    private static final FuzzFixture FIXTURE = FuzzFixture.get();
    private static final InputBudget BUDGET = new InputBudget("signedClaims");
    private static final int PRESENTATION_CLAIMS = 0;
    private static final int CREDENTIAL_CLAIMS = 1;
    private static final int DISCLOSURE = 2;
    private static final int RAW = 0;
    private static final int EDITS = 3;

    private record Holder(Wallet wallet, Issuer issuer, int[] disclosed) {
        MintedCredential minted() {
            return wallet.credential();
        }
    }

    private static final List<Holder> HOLDERS = List.of(
            new Holder(FIXTURE.world().singleAdult(), FIXTURE.world().cnam(), new int[] {0}),
            new Holder(FIXTURE.world().family(), FIXTURE.world().cnam(), new int[] {0, 1, 2, 3}),
            new Holder(FIXTURE.world().delegated(), FIXTURE.world().cnam(), new int[] {0, 1}),
            new Holder(FIXTURE.world().msaFarmer(), FIXTURE.world().msa(), new int[] {0}));

    static {
        // The harness must build what a genuine issuer and wallet would: every seed is accepted.
        for (byte[] seed : seedInputs()) {
            if (FuzzFixture.selector(seed) % 6 >= EDITS) {
                continue; // edited claims are usually refused, that is the point
            }
            VerificationResult result = verify(presentationFor(seed));
            if (!result.accepted()) {
                throw new IllegalStateException("signed-claims seed " + InputBudget.preview(seed) + " refused: " + result);
            }
        }
    }

    static List<byte[]> seedInputs() {
        List<byte[]> seeds = new ArrayList<>();
        for (int h = 0; h < HOLDERS.size(); h++) {
            Holder holder = HOLDERS.get(h);
            seeds.add(FuzzFixture.prefixed(RAW + PRESENTATION_CLAIMS + 6 * h, presentationClaims(holder)));
            seeds.add(FuzzFixture.prefixed(RAW + CREDENTIAL_CLAIMS + 6 * h, holder.minted().claims().encode()));
            for (int index : holder.disclosed()) {
                seeds.add(FuzzFixture.prefixed(RAW + DISCLOSURE + 6 * h, holder.minted().disclosure(index)));
            }
            for (int layer = 0; layer < 3; layer++) {
                for (byte[] script : CborEdits.scripts(31L * h + layer, 2)) {
                    seeds.add(FuzzFixture.prefixed(EDITS + layer + 6 * h, script));
                }
            }
        }
        return seeds;
    }

    static Stream<Arguments> seeds() {
        return seedInputs().stream().map(seed -> Arguments.of((Object) seed));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "20s")
    void signedClaims(byte[] input) throws Exception {
        BUDGET.warmUpOnce(10, () -> Stream.concat(seedInputs().stream(), Stream.of(new byte[0]))
                .<InputBudget.Call<?>>map(seed -> {
                    byte[] presentation = presentationFor(seed);
                    return () -> verify(presentation);
                }).toList());
        byte[] cut = FuzzFixture.cut(input);
        byte[] layer = layerBytes(cut);
        byte[] presentation = presentationFor(cut, layer);
        VerificationResult result = BUDGET.run(presentation, () -> verify(presentation));
        FuzzFixture.requireWellFormed(result, "verifyNfc, signed layers");
        if (FuzzFixture.selector(cut) % 3 == PRESENTATION_CLAIMS && result.accepted()) {
            FIXTURE.requireIssuedCredential(result, credentialIn(layer), "verifyNfc, presentation claims");
        }
    }

    private static Holder holder(byte[] input) {
        return HOLDERS.get(FuzzFixture.selector(input) / 6 % HOLDERS.size());
    }

    /** The bytes of the layer the fuzzer writes: its own, or a seed's after its edit script. */
    static byte[] layerBytes(byte[] input) {
        int selector = FuzzFixture.selector(input);
        byte[] rest = FuzzFixture.rest(input);
        if (selector % 6 < EDITS) {
            return rest;
        }
        Holder holder = holder(input);
        byte[] seed = switch (selector % 3) {
            case PRESENTATION_CLAIMS -> presentationClaims(holder);
            case CREDENTIAL_CLAIMS -> holder.minted().claims().encode();
            default -> holder.minted().disclosure(holder.disclosed()[selector / 24 % holder.disclosed().length]);
        };
        return CborEdits.edit(seed, rest);
    }

    static byte[] presentationFor(byte[] input) {
        return presentationFor(input, layerBytes(input));
    }

    /** The NFC presentation the harness builds and signs around the layer the fuzzer wrote. */
    private static byte[] presentationFor(byte[] input, byte[] layer) {
        Holder holder = holder(input);
        return switch (FuzzFixture.selector(input) % 3) {
            case PRESENTATION_CLAIMS -> holderSigned(holder, layer);
            case CREDENTIAL_CLAIMS -> {
                byte[] credential = holder.issuer().credentialSigner(Cbor.map()).payload(layer).sign().encode();
                PresentationClaims claims = presentationClaims(credential);
                for (int index : holder.disclosed()) {
                    claims.disclosure(holder.minted().disclosure(index));
                }
                yield holderSigned(holder, claims.toMap().encode());
            }
            default -> {
                CborMapBuilder credentialClaims = holder.minted().claims();
                credentialClaims.mapAt(CredentialClaims.VITALE_DATA)
                        .put(CredentialClaims.DATA_DIGESTS, Cbor.array(Cbor.bytes(sha256(layer))));
                byte[] credential = holder.issuer().signCredential(credentialClaims);
                yield holderSigned(holder, presentationClaims(credential).disclosure(layer).toMap().encode());
            }
        };
    }

    private static byte[] presentationClaims(Holder holder) {
        return holder.wallet().claims(FuzzFixture.NOW, FuzzFixture.CHALLENGE, PresentationChannel.NFC, holder.disclosed())
                .toMap().encode();
    }

    private static PresentationClaims presentationClaims(byte[] credential) {
        return PresentationClaims.builder()
                .credential(credential)
                .issuedAt(FuzzFixture.NOW)
                .nonce(FuzzFixture.CHALLENGE)
                .channel(PresentationChannel.NFC);
    }

    private static byte[] holderSigned(Holder holder, byte[] presentationClaims) {
        return CoseSign1Builder.create()
                .protectedHeader(CoseHeaders.alg(SimKeyPair.ES256))
                .payload(presentationClaims)
                .externalAad(Vt1ExternalAad.PRESENTATION)
                .signer(holder.minted().deviceKey())
                .sign()
                .encode();
    }

    /** Claim 1 of the fuzzer's presentation claims, as the verifier would read it. */
    private static byte[] credentialIn(byte[] presentationClaims) throws Exception {
        var claims = (org.vitaleterminal.credential.cbor.CborMap) org.vitaleterminal.credential.cbor.CborDecoder
                .decode(presentationClaims, org.vitaleterminal.credential.cbor.CborProfile.VT1_PAYLOAD);
        return ((org.vitaleterminal.credential.cbor.CborBytes) claims.get(1)).value();
    }

    private static VerificationResult verify(byte[] presentation) {
        return FIXTURE.verifier().verifyNfc(presentation, FuzzFixture.CHALLENGE.clone(), FIXTURE.state());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void report() {
        System.out.println(BUDGET.summary());
    }
}
