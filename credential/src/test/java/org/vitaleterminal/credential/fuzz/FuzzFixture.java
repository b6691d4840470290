package org.vitaleterminal.credential.fuzz;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborProfile;
import org.vitaleterminal.credential.cose.CoseSign1;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.credential.vt1.ReplayGuard;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.wallet.Wallet;
import org.vitaleterminal.sim.world.SampleWorld;

/**
 * The terminal and the seeds shared by the VT1 fuzz targets: one {@link SampleWorld} drawn from
 * a fixed seed at a fixed time, so that every run (and every replay of a saved finding) sees the
 * same keys, trust list and presentations byte for byte.
 *
 * <p>The verifier's replay guard never remembers anything: a seed must be accepted every time it
 * is run, or the "accepted only if it is a known seed" oracle could not tell a replay from a
 * bypass.
 */
public final class FuzzFixture {
    /** The terminal's (trusted) clock for every VT1 target. */
    public static final Instant NOW = Instant.parse("2025-06-02T09:30:00Z");
    /** The challenge this terminal sent in the simulated NFC session. */
    public static final byte[] CHALLENGE = "fuzz-challenge-1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Inputs are cut to this: twice the 4 KiB limits, so that the size checks are exercised too. */
    public static final int MAX_INPUT = 8192;

    /** Detail strings of the fail-closed catch-alls: seeing one means a RuntimeException was swallowed. */
    private static final List<String> INTERNAL_ERROR_DETAILS =
            List.of("internal error while decoding", "hc1: internal error while decoding");

    public static final ReplayGuard NEVER_REPLAYED = new ReplayGuard() {
        @Override
        public boolean wasAccepted(byte[] credentialId, byte[] nonce, Instant now) {
            return false;
        }

        @Override
        public void recordAccepted(byte[] credentialId, byte[] nonce, Instant forgetAfter) {}
    };

    private static final FuzzFixture INSTANCE = new FuzzFixture();

    private final SampleWorld world;
    private final List<TrustRoot> roots;
    private final TrustList trustList;
    private final TerminalState state;
    private final CredentialVerifier verifier;
    private final Map<String, byte[]> nfcSeeds = new LinkedHashMap<>();
    private final Map<String, byte[]> qrSeeds = new LinkedHashMap<>();
    private final Set<ByteBuffer> presentationPayloads = new HashSet<>();
    private final Set<ByteBuffer> credentialPayloads = new HashSet<>();
    private final Set<ByteBuffer> seedPresentations = new HashSet<>();
    private final java.util.concurrent.atomic.AtomicLong acceptedVariants = new java.util.concurrent.atomic.AtomicLong();
    private volatile String firstAcceptedVariant;

    private FuzzFixture() {
        try {
            world = SampleWorld.create(SimRandom.seeded(20250602L), NOW);
            roots = List.of(TrustRoot.fromPem(world.rootPem()));
            trustList = TrustListReader.read(world.trustList(), roots);
        } catch (Rejection | TrustListException e) {
            throw new IllegalStateException("the sample world's trust list must verify", e);
        }
        state = new TerminalState(NOW, true, trustList, Hc1TrustStore.empty());
        verifier = new CredentialVerifier(VerificationPolicy.defaults(), NEVER_REPLAYED);

        // Accepted presentations, then ones whose signatures verify but a later check refuses:
        // both kinds carry the fuzzer past the signature checks' neighbourhood.
        addPresentations("single-adult", world.singleAdult(), new int[] {0});
        addPresentations("family", world.family(), new int[] {0}, new int[] {1, 2}, new int[] {0, 1, 2, 3});
        addPresentations("delegated", world.delegated(), new int[] {0, 1});
        addPresentations("msa-farmer", world.msaFarmer(), new int[] {0});
        addPresentations("closed-rights", world.closedRights(), new int[] {0});
        addPresentations("expired", world.expired(), new int[] {0});
        addPresentations("revoked", world.revoked(), new int[] {0});
        addPresentations("demo", world.demo(), new int[] {0});
        for (String accepted : List.of("single-adult[0]", "family[0, 1, 2, 3]", "delegated[0, 1]", "msa-farmer[0]")) {
            requireAccepted(verifier.verifyNfc(nfcSeeds.get(accepted), CHALLENGE, state), "NFC seed " + accepted);
            requireAccepted(verifier.verifyText(org.vitaleterminal.sim.codec.Vt1QrText.of(qrSeeds.get(accepted)),
                    org.vitaleterminal.credential.Channel.QR, state), "QR seed " + accepted);
        }
    }

    private void addPresentations(String name, Wallet wallet, int[]... disclosureSets) {
        // The QR nonces come from a random of their own, seeded per wallet: the same bytes every run.
        java.security.SecureRandom nonces = SimRandom.seeded(name.hashCode());
        for (int[] disclosed : disclosureSets) {
            String key = name + Arrays.toString(disclosed);
            byte[] nfc = wallet.presentNfc(CHALLENGE, NOW, disclosed);
            byte[] qr = wallet.presentQrBytes(NOW, nonces, disclosed);
            nfcSeeds.put(key, nfc);
            qrSeeds.put(key, qr);
            seedPresentations.add(ByteBuffer.wrap(nfc));
            seedPresentations.add(ByteBuffer.wrap(qr));
            presentationPayloads.add(ByteBuffer.wrap(signedPayload(nfc)));
            presentationPayloads.add(ByteBuffer.wrap(signedPayload(qr)));
        }
        credentialPayloads.add(ByteBuffer.wrap(signedPayload(wallet.credential().credential())));
    }

    public static FuzzFixture get() {
        return INSTANCE;
    }

    public SampleWorld world() {
        return world;
    }

    public List<TrustRoot> roots() {
        return roots;
    }

    public TrustList trustList() {
        return trustList;
    }

    public TerminalState state() {
        return state;
    }

    /** The same terminal with another trust list (e.g. one the fuzzer produced). */
    public TerminalState stateWith(TrustList otherTrustList) {
        return new TerminalState(NOW, true, otherTrustList, Hc1TrustStore.empty());
    }

    public CredentialVerifier verifier() {
        return verifier;
    }

    /** NFC presentation bytes by a short name, nonce = {@link #CHALLENGE}, iat = {@link #NOW}. */
    public Map<String, byte[]> nfcSeeds() {
        return nfcSeeds;
    }

    /** QR presentation bytes (before zlib and Base45), iat = {@link #NOW}. */
    public Map<String, byte[]> qrSeeds() {
        return qrSeeds;
    }

    public static byte[] cut(byte[] input) {
        return input.length <= MAX_INPUT ? input : Arrays.copyOf(input, MAX_INPUT);
    }

    /** The first byte, unsigned, or 0 for an empty input: the harnesses' mode selector. */
    public static int selector(byte[] input) {
        return input.length == 0 ? 0 : input[0] & 0xFF;
    }

    public static byte[] rest(byte[] input) {
        return input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    }

    public static byte[] prefixed(int selector, byte[] body) {
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) selector;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    /**
     * The payload of a tagged VT1 COSE_Sign1, decoded with the terminal's own decoder, or
     * {@code null} when the bytes are not one.
     */
    public static byte[] signedPayload(byte[] cose) {
        try {
            return CoseSign1.parse(CborDecoder.decode(cose, CborProfile.VT1_COSE), CoseSign1.Tagging.TAG_18_REQUIRED,
                    CborProfile.VT1_PAYLOAD).payload();
        } catch (Rejection e) {
            return null;
        }
    }

    /**
     * The oracle against signature bypasses for inputs the harness did not sign: an accepted
     * presentation must carry, byte for byte, the holder-signed payload of one of the seeds.
     * (The raw input itself may differ from the seed: spec §11 lets the terminal accept
     * non-shortest CBOR heads around the signed byte strings, and those are not signed.)
     */
    public void requireNoBypass(VerificationResult result, byte[] presentationBytes, String where) {
        if (!result.accepted()) {
            return;
        }
        byte[] payload = signedPayload(presentationBytes);
        if (payload == null || !presentationPayloads.contains(ByteBuffer.wrap(payload))) {
            throw new AssertionError("SIGNATURE BYPASS in " + where + ": accepted a presentation whose signed payload"
                    + " is not one of the seeds': " + InputBudget.preview(presentationBytes));
        }
        if (!seedPresentations.contains(ByteBuffer.wrap(presentationBytes))) {
            if (acceptedVariants.getAndIncrement() == 0) {
                firstAcceptedVariant = InputBudget.preview(presentationBytes);
            }
        }
    }

    /**
     * How many accepted inputs differed from every seed while carrying a seed's signed payload
     * (another CBOR encoding of the unsigned framing, which spec §11 allows), with the first one.
     */
    public String acceptedVariants() {
        long count = acceptedVariants.get();
        return count == 0 ? "no accepted input other than the seeds themselves"
                : count + " accepted inputs re-framing a seed's signed bytes (allowed by spec §11), first: "
                        + firstAcceptedVariant;
    }

    /** The same for a presentation the harness holder-signed itself: its credential must be an issued one. */
    public void requireIssuedCredential(VerificationResult result, byte[] credentialBytes, String where) {
        if (!result.accepted()) {
            return;
        }
        byte[] payload = signedPayload(credentialBytes);
        if (payload == null || !credentialPayloads.contains(ByteBuffer.wrap(payload))) {
            throw new AssertionError("ISSUER SIGNATURE BYPASS in " + where + ": accepted a credential whose signed"
                    + " payload was never issued: " + InputBudget.preview(credentialBytes));
        }
    }

    /**
     * The facade's contract: a result, with a reason, and no exception swallowed by the
     * fail-closed catch-alls (which would hide a decoder bug behind {@code FORMAT}).
     */
    public static VerificationResult requireWellFormed(VerificationResult result, String where) {
        if (result == null) {
            throw new AssertionError(where + ": null result");
        }
        if (result.reason() == null || result.format() == null) {
            throw new AssertionError(where + ": result without reason or format: " + result);
        }
        if (result instanceof VerificationResult.Rejected rejected) {
            if (rejected.reason() == Reason.OK) {
                throw new AssertionError(where + ": a rejection with reason OK");
            }
            if (INTERNAL_ERROR_DETAILS.contains(rejected.detail())) {
                throw new AssertionError(where + ": a RuntimeException was thrown inside the verifier and swallowed by"
                        + " its fail-closed catch (" + rejected.detail() + "); replay the input against the decoders");
            }
        }
        return result;
    }

    private static void requireAccepted(VerificationResult result, String what) {
        if (!result.accepted()) {
            throw new IllegalStateException(what + " must be accepted, got " + result);
        }
    }

    /** All seed presentations, in a fixed order. */
    public List<byte[]> allPresentations() {
        List<byte[]> all = new ArrayList<>(nfcSeeds.values());
        all.addAll(qrSeeds.values());
        return all;
    }
}
