package org.vitaleterminal.credential;

import java.time.Instant;
import org.vitaleterminal.credential.hc1.Hc1Verifier;
import org.vitaleterminal.credential.vt1.ReplayGuard;
import org.vitaleterminal.credential.vt1.Vt1Text;
import org.vitaleterminal.credential.vt1.Vt1Verifier;

/**
 * The one entry point the terminal calls for every scanned text or NFC read: checks the
 * terminal's own state (spec §4 step 0), picks the format from the prefix and hands over to the
 * VT1 or HC1 verifier. It never throws for any input; every outcome is a
 * {@link VerificationResult} with a reason code.
 */
public final class CredentialVerifier {
    private final VerificationPolicy policy;
    private final Vt1Verifier vt1;
    private final Hc1Verifier hc1;

    public CredentialVerifier(VerificationPolicy policy, ReplayGuard replayGuard) {
        this.policy = policy;
        this.vt1 = new Vt1Verifier(policy, replayGuard);
        this.hc1 = new Hc1Verifier(policy);
    }

    /** Which format a text claims to be, from its prefix alone. */
    public static PayloadFormat formatOf(String text) {
        if (text.startsWith(Vt1Text.PREFIX)) {
            return PayloadFormat.VT1;
        }
        if (text.startsWith(Hc1Verifier.PREFIX)) {
            return PayloadFormat.HC1;
        }
        return PayloadFormat.UNKNOWN;
    }

    /** Verifies a QR or keyboard-wedge text ({@code VT1:...} or {@code HC1:...}). */
    public VerificationResult verifyText(String text, Channel channel, TerminalState state) {
        if (channel == Channel.NFC) {
            throw new IllegalArgumentException("NFC presentations arrive as bytes: use verifyNfc");
        }
        PayloadFormat format = formatOf(text);
        if (!state.clockTrusted()) {
            return clockUntrusted(format);
        }
        return switch (format) {
            case VT1 -> {
                VerificationResult unusable = checkTrustList(state);
                if (unusable != null) {
                    yield unusable;
                }
                try {
                    yield vt1.verify(Vt1Text.presentationBytes(text), channel, null, state.now(), state.trustList());
                } catch (Rejection rejection) {
                    yield VerificationResult.Rejected.of(rejection, format);
                }
            }
            case HC1 -> hc1.verify(text, state.now(), state.hc1Signers());
            case UNKNOWN -> new VerificationResult.Rejected(
                    text.length() > Vt1Text.MAX_TEXT_CHARS ? Reason.TOO_LARGE : Reason.FORMAT,
                    "neither a VT1: nor an HC1: text", format);
        };
    }

    /**
     * Verifies raw presentation bytes read over NFC.
     *
     * @param challenge the 16 bytes this terminal sent in GET PRESENTATION
     */
    public VerificationResult verifyNfc(byte[] presentation, byte[] challenge, TerminalState state) {
        if (!state.clockTrusted()) {
            return clockUntrusted(PayloadFormat.VT1);
        }
        VerificationResult unusable = checkTrustList(state);
        if (unusable != null) {
            return unusable;
        }
        return vt1.verify(presentation, Channel.NFC, challenge, state.now(), state.trustList());
    }

    private VerificationResult checkTrustList(TerminalState state) {
        if (state.trustList() == null) {
            return new VerificationResult.Rejected(Reason.TRUST_LIST_MISSING, "no verified trust list", PayloadFormat.VT1);
        }
        Instant now = state.now();
        if (state.trustList().isStale(now, policy.trustListGrace())) {
            return new VerificationResult.Rejected(Reason.TRUST_LIST_STALE, "trust list past exp + grace", PayloadFormat.VT1);
        }
        return null;
    }

    private static VerificationResult clockUntrusted(PayloadFormat format) {
        return new VerificationResult.Rejected(Reason.CLOCK_UNTRUSTED, "the terminal's clock cannot be trusted", format);
    }
}
