package org.vitaleterminal.firmware.nfc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.PayloadFormat;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcReader;
import org.vitaleterminal.hal.nfc.NfcTarget;

/**
 * Tap to verify: poll for a phone, read its presentation over the wallet protocol, verify it
 * with the challenge that was sent, and return the decision at once so the terminal can signal
 * it. One phone, one decision: the phone that was decided on stays "held" and the next call
 * first waits, with ISO-DEP presence checks, until it leaves the field; and a credential decided
 * less than the debounce time before its phone was last seen (a quick re-tap) is not decided
 * again. Not thread-safe: one flow per reader, driven by one thread.
 */
public final class NfcTapFlow implements AutoCloseable {
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofSeconds(5);
    static final Duration PRESENCE_CHECK_INTERVAL = Duration.ofMillis(250);

    private final NfcReader reader;
    private final CredentialVerifier verifier;
    private final Supplier<TerminalState> state;
    private final PresentationReader presentations;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration debounce;

    private NfcTarget held;
    private byte[] lastCredentialId;
    private Instant lastSeen = Instant.MIN;

    /**
     * @param state the terminal's state at the moment of each verification (time, trust list...)
     */
    public NfcTapFlow(NfcReader reader, CredentialVerifier verifier, Supplier<TerminalState> state,
                      SecureRandom random, Clock clock, Sleeper sleeper, Duration debounce) {
        this.reader = reader;
        this.verifier = verifier;
        this.state = state;
        this.presentations = new PresentationReader(reader, random, clock, sleeper);
        this.clock = clock;
        this.sleeper = sleeper;
        this.debounce = debounce;
    }

    /**
     * Waits up to {@code timeout} for a tap that reaches a decision.
     *
     * @return the decision, or empty when the time ran out first
     * @throws NfcException when the reader fails (the caller reports a device fault and may retry)
     */
    public Optional<NfcDecision> awaitDecision(Duration timeout, NfcListener listener)
            throws NfcException, InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        releaseHeldWhenGone(deadline);
        while (clock.instant().isBefore(deadline)) {
            Optional<NfcTarget> found = reader.poll(Duration.between(clock.instant(), deadline));
            if (found.isPresent()) {
                Optional<NfcDecision> decision = decide(found.get(), listener);
                if (decision.isPresent()) {
                    return decision;
                }
                releaseHeldWhenGone(deadline);
            }
        }
        return Optional.empty();
    }

    private Optional<NfcDecision> decide(NfcTarget target, NfcListener listener) throws InterruptedException {
        Instant detected = clock.instant();
        listener.phoneDetected();
        VerificationResult result;
        switch (presentations.read(target, listener::waitingForHolder)) {
            case PresentationRead.Presentation presentation -> {
                try {
                    result = verifier.verifyNfc(presentation.bytes(), presentation.challenge(), state.get());
                } catch (RuntimeException terminalFault) {
                    reader.release(target); // no decision: the phone may be read again once the fault is gone
                    throw terminalFault;
                }
                byte[] credentialId = credentialIdOf(result);
                if (credentialId != null && Arrays.equals(credentialId, lastCredentialId)
                        && !clock.instant().isAfter(lastSeen.plus(debounce))) {
                    listener.debounced();
                    hold(target);
                    return Optional.empty();
                }
                lastCredentialId = credentialId;
            }
            case PresentationRead.ProtocolError error -> result = new VerificationResult.Rejected(
                    error.tooLarge() ? Reason.TOO_LARGE : Reason.FORMAT, error.detail(), PayloadFormat.VT1);
            case PresentationRead.NotAWallet ignored -> {
                listener.tapAbandoned("not a VT1 wallet");
                hold(target); // no need to ask it again while it lies there
                return Optional.empty();
            }
            case PresentationRead.HolderDidNotUnlock ignored -> {
                listener.tapAbandoned("the holder did not unlock the wallet within 30 s");
                reader.release(target);
                return Optional.empty();
            }
            case PresentationRead.Lost lost -> {
                listener.tapAbandoned(lost.why());
                reader.release(target);
                return Optional.empty();
            }
        }
        hold(target);
        return Optional.of(new NfcDecision(result, Duration.between(detected, clock.instant())));
    }

    private void hold(NfcTarget target) {
        held = target;
        lastSeen = clock.instant();
    }

    /** Waits (until the deadline at most) for the held phone to leave, then releases it. */
    private void releaseHeldWhenGone(Instant deadline) throws InterruptedException {
        if (held == null) {
            return;
        }
        try {
            while (clock.instant().isBefore(deadline) && reader.isPresent(held)) {
                lastSeen = clock.instant();
                sleeper.sleep(PRESENCE_CHECK_INTERVAL);
            }
            if (clock.instant().isBefore(deadline)) {
                release();
            }
        } catch (NfcException e) {
            release(); // a failed presence check: the phone is gone, or the next poll reports the reader
        }
    }

    private void release() {
        reader.release(held);
        held = null;
    }

    /** Releases a phone still held. */
    @Override
    public void close() {
        if (held != null) {
            release();
        }
    }

    private static byte[] credentialIdOf(VerificationResult result) {
        return result instanceof VerificationResult.AcceptedPresentation accepted
                ? accepted.presentation().credential().id()
                : null;
    }
}
