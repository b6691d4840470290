package org.vitaleterminal.firmware.run;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.vt1.ReplayGuard;
import org.vitaleterminal.firmware.event.DecisionFacts;
import org.vitaleterminal.firmware.event.DecisionReporter;
import org.vitaleterminal.firmware.nfc.NfcDecision;
import org.vitaleterminal.firmware.outbox.OutboxException;
import org.vitaleterminal.firmware.outbox.StoredEvent;
import org.vitaleterminal.firmware.state.StateException;

/**
 * The one way from a payload to a decision, shared by the camera, the scanner and the NFC
 * reader: verify → commit the event to the outbox → signal → wake the publisher. Decisions are
 * taken one at a time (the replay guard and the event sequence must see them in order), and a
 * decision in flight always finishes before the terminal stops.
 */
public final class DecisionPath {
    private static final Logger LOG = Logger.getLogger(DecisionPath.class.getName());

    private final CredentialVerifier verifier;
    private final Supplier<TerminalState> state;
    private final DecisionReporter reporter;
    private final Runnable eventCommitted;
    private final TerminalMetrics metrics;
    private final LongSupplier nanoTime;

    /**
     * @param state          the terminal's state at the moment of each verification
     * @param eventCommitted called after each commit (the MQTT supervisor's wake-up); must not block
     * @param nanoTime       the monotonic clock the inputs stamp their capture times with
     */
    public DecisionPath(CredentialVerifier verifier, Supplier<TerminalState> state, DecisionReporter reporter,
                        Runnable eventCommitted, TerminalMetrics metrics, LongSupplier nanoTime) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.state = Objects.requireNonNull(state, "state");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.eventCommitted = Objects.requireNonNull(eventCommitted, "eventCommitted");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Decides on a scanned text (camera or scanner).
     *
     * @param capturedNanos when the code was captured, on {@code nanoTime}'s clock
     * @return the committed event (empty for a decision without one, or when the outbox refused)
     */
    public synchronized Optional<StoredEvent> decideText(String text, Channel channel, long capturedNanos) {
        TerminalState now;
        VerificationResult result;
        try {
            now = state.get();
            long verifyStart = nanoTime.getAsLong();
            result = verifier.verifyText(text, channel, now);
            metrics.verify().record(nanoTime.getAsLong() - verifyStart);
        } catch (StateException | ReplayGuard.Unavailable e) {
            terminalFault(channel, e);
            return Optional.empty();
        }
        return conclude(result, channel, now, capturedNanos);
    }

    /** Decides on an NFC tap already verified by the tap flow (it owns the challenge). */
    public synchronized Optional<StoredEvent> decideNfc(NfcDecision decision, long detectedNanos) {
        TerminalState now;
        try {
            now = state.get();
        } catch (StateException e) {
            terminalFault(Channel.NFC, e);
            return Optional.empty();
        }
        return conclude(decision.result(), Channel.NFC, now, detectedNanos);
    }

    /**
     * No decision: the terminal's own state (replay store, clock mark) failed while deciding. The
     * person at the counter sees FAULT; no event is written, since nothing was decided about the
     * credential. The message names files and SQLite codes only, never payload data.
     */
    public synchronized void terminalFault(Channel channel, RuntimeException fault) {
        LOG.severe("no decision on " + channel.code() + ": the terminal's state failed: " + fault.getMessage());
        reporter.terminalFault();
    }

    private Optional<StoredEvent> conclude(VerificationResult result, Channel channel, TerminalState now,
                                           long capturedNanos) {
        long trustVersion = now.trustList() == null ? 0 : now.trustList().version();
        Duration latency = Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - capturedNanos));
        Optional<StoredEvent> stored;
        try {
            stored = reporter.report(result, channel, new DecisionFacts(trustVersion, now.clockTrusted(), latency));
        } catch (OutboxException e) {
            // the reporter has shown FAULT; the person at the counter is told to try again
            LOG.severe("decision on " + channel.code() + " not recorded, the outbox refused it: " + e.getMessage());
            return Optional.empty();
        }
        if (result.reason() == Reason.OK) {
            metrics.accepted();
        } else {
            metrics.rejected(result.reason());
        }
        metrics.endToEnd().record(nanoTime.getAsLong() - capturedNanos);
        stored.ifPresent(event -> {
            LOG.info("decision " + result.reason() + " on " + channel.code() + ", event " + event.eventId()
                    + " seq " + event.seq());
            eventCommitted.run();
        });
        return stored;
    }
}
