package org.vitaleterminal.firmware.run;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.vt1.ReplayGuard;
import org.vitaleterminal.firmware.nfc.NfcDecision;
import org.vitaleterminal.firmware.nfc.NfcListener;
import org.vitaleterminal.firmware.nfc.NfcReaderFactory;
import org.vitaleterminal.firmware.nfc.NfcTapFlow;
import org.vitaleterminal.firmware.nfc.Sleeper;
import org.vitaleterminal.firmware.state.StateException;
import org.vitaleterminal.firmware.systemd.Heartbeat;
import org.vitaleterminal.hal.Backoff;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.indicator.Signal;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcReader;

/**
 * The NFC reader: opens it (again and again, with backoff, while it fails), waits for taps and
 * hands each verified tap to the decision path. A reader that fails mid-run is closed and
 * reopened; the terminal keeps scanning QR codes meanwhile.
 */
final class NfcInput implements InputLoop {
    private static final Logger LOG = Logger.getLogger(NfcInput.class.getName());
    private static final Duration TAP_WAIT = Duration.ofSeconds(1);
    /** Reopening a failed reader: 1 s, doubling up to 30 s. */
    private static final Backoff REOPEN = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    private final String uri;
    private final NfcReaderFactory readers;
    private final CredentialVerifier verifier;
    private final Supplier<TerminalState> state;
    private final DecisionPath path;
    private final Indicator indicator;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String status = "starting";
    private final Heartbeat heartbeat;

    NfcInput(String uri, NfcReaderFactory readers, CredentialVerifier verifier, Supplier<TerminalState> state,
             DecisionPath path, Indicator indicator, Clock clock, LongSupplier nanoTime) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.readers = Objects.requireNonNull(readers, "readers");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.state = Objects.requireNonNull(state, "state");
        this.path = Objects.requireNonNull(path, "path");
        this.indicator = Objects.requireNonNull(indicator, "indicator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.thread = new Thread(this::loop, "nfc-reader");
        this.thread.setDaemon(true);
        this.heartbeat = new Heartbeat("NFC loop", Duration.ofSeconds(60), nanoTime);
    }

    @Override
    public void start() {
        thread.start();
    }

    private void loop() {
        int failures = 0;
        while (running) {
            heartbeat.beat();
            try (NfcReader reader = readers.open(uri);
                 NfcTapFlow flow = new NfcTapFlow(reader, verifier, state, new SecureRandom(), clock, Sleeper.real(),
                         NfcTapFlow.DEFAULT_DEBOUNCE)) {
                status = "ok";
                failures = 0;
                LOG.info("NFC reader ready: " + reader.describe());
                while (running) {
                    heartbeat.beat();
                    long[] detected = {nanoTime.getAsLong()};
                    Optional<NfcDecision> decision;
                    try {
                        decision = flow.awaitDecision(TAP_WAIT, listener(detected));
                    } catch (StateException | ReplayGuard.Unavailable e) {
                        path.terminalFault(Channel.NFC, e); // not the reader's fault: keep it open
                        continue;
                    }
                    if (decision.isPresent()) {
                        path.decideNfc(decision.get(), detected[0]); // finished even when a stop came meanwhile
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (NfcException | RuntimeException e) {
                if (!running) {
                    return;
                }
                status = "fault";
                Duration retry = REOPEN.delay(++failures);
                LOG.warning("NFC reader " + uri + " failed (" + e.getMessage() + "); trying again in "
                        + retry.toSeconds() + " s");
                if (!pause(retry)) {
                    return;
                }
            }
        }
    }

    private NfcListener listener(long[] detected) {
        return new NfcListener() {
            @Override
            public void phoneDetected() {
                detected[0] = nanoTime.getAsLong();
            }

            @Override
            public void waitingForHolder() {
                indicator.show(Signal.WAITING_FOR_UNLOCK);
            }

            @Override
            public void tapAbandoned(String why) {
                LOG.info("NFC tap without a decision: " + why);
                indicator.show(Signal.IDLE);
            }
        };
    }

    /** Sleeps in slices so that stop() is prompt; false when told to stop meanwhile. */
    private boolean pause(Duration length) {
        long end = nanoTime.getAsLong() + length.toNanos();
        try {
            while (running && nanoTime.getAsLong() < end) {
                heartbeat.beat();
                Thread.sleep(Math.min(100, Math.max(1, (end - nanoTime.getAsLong()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return running;
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        // a tap wait ends within TAP_WAIT; a read in progress finishes its decision first
        thread.join(Duration.ofSeconds(6).toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(1).toMillis());
        }
    }

    @Override
    public String state() {
        return status;
    }

    @Override
    public boolean alive() {
        return !running || heartbeat.alive();
    }
}
