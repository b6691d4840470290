package org.vitaleterminal.firmware.cli;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.vt1.InMemoryReplayGuard;
import org.vitaleterminal.firmware.config.ConfigKey;
import org.vitaleterminal.firmware.json.VerificationJson;
import org.vitaleterminal.firmware.nfc.NfcDecision;
import org.vitaleterminal.firmware.nfc.NfcListener;
import org.vitaleterminal.firmware.nfc.NfcReaderFactory;
import org.vitaleterminal.firmware.nfc.NfcTapFlow;
import org.vitaleterminal.firmware.nfc.Sleeper;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcReader;

/**
 * {@code vitale-terminal nfc-read}: waits for one phone tapped on the reader, reads its VT1
 * presentation with a fresh challenge, verifies it and prints the same JSON as {@code verify}.
 * Exit 0 accepted, 1 rejected, 2 usage or I/O error (including no tap before {@code --timeout}).
 */
public final class NfcReadCommand implements Command {
    private static final Set<String> WITH_VALUE = Options.union(Set.of("reader", "timeout"), TrustOptions.WITH_VALUE);
    private static final Set<String> FLAGS = Options.union(Set.of("help"), TrustOptions.FLAGS);
    /** "Wait for a tap" without --timeout: long enough for any counter, short enough not to overflow. */
    private static final Duration NO_TIMEOUT = Duration.ofDays(365);

    private static final String HELP = """
            usage: vitale-terminal nfc-read [--reader URI] [--timeout T] [trust options]
              --reader URI        pn532:uart:/dev/ttyS0 · pn532:i2c:1:0x24 · pn532:spi:0.0 (default: nfc.reader of --config)
              --timeout T         give up after T (seconds, or ISO-8601 like PT30S); default: wait for a tap
            """ + TrustOptions.HELP + """

            prints one JSON object; exit 0 accepted, 1 rejected, 2 usage or I/O error (or no tap in time)""";

    private final NfcReaderFactory readers;
    private final SecureRandom random;
    private final Sleeper sleeper;

    public NfcReadCommand(NfcReaderFactory readers, SecureRandom random, Sleeper sleeper) {
        this.readers = readers;
        this.random = random;
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return "nfc-read";
    }

    @Override
    public String summary() {
        return "wait for a phone tapped on the NFC reader, verify its presentation and print the result as JSON";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(arguments, WITH_VALUE, FLAGS, TrustOptions.REPEATABLE);
        if (options.flag("help")) {
            context.out().println(HELP);
            return ExitStatus.OK;
        }
        options.rejectPositional(HELP);
        Duration timeout = options.has("timeout") ? parseTimeout(options.value("timeout").get()) : NO_TIMEOUT;
        TrustOptions.Trust trust = TrustOptions.load(options, context);
        String uri = options.value("reader")
                .or(() -> trust.config().flatMap(config -> config.string(ConfigKey.NFC_READER)))
                .orElseThrow(() -> new UsageException("give --reader URI (or nfc.reader in --config)\n" + HELP));

        CredentialVerifier verifier = new CredentialVerifier(trust.policy(), new InMemoryReplayGuard(16));
        try (NfcReader reader = open(uri);
             NfcTapFlow flow = new NfcTapFlow(reader, verifier,
                     () -> new TerminalState(context.clock().instant(), true, trust.list(), trust.hc1Signers()),
                     random, context.clock(), sleeper, NfcTapFlow.DEFAULT_DEBOUNCE)) {
            context.err().println("vitale-terminal nfc-read: waiting for a phone on " + reader.describe());
            Optional<NfcDecision> decision = flow.awaitDecision(timeout, new OperatorMessages(context));
            if (decision.isEmpty()) {
                context.err().println("vitale-terminal nfc-read: no phone tapped within " + timeout);
                return ExitStatus.USAGE;
            }
            Instant now = context.clock().instant();
            context.out().println(VerificationJson.of(decision.get().result(), Channel.NFC, now,
                    LocalDate.ofInstant(now, context.clock().getZone())));
            return decision.get().result().accepted() ? ExitStatus.OK : ExitStatus.REJECTED;
        } catch (NfcException e) {
            throw new UsageException("reader " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted");
        }
    }

    private NfcReader open(String uri) throws UsageException, NfcException {
        try {
            return readers.open(uri);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--reader: " + e.getMessage());
        }
    }

    private static Duration parseTimeout(String text) throws UsageException {
        try {
            Duration timeout = text.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new UsageException("--timeout must be positive, got '" + text + "'");
            }
            return timeout;
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new UsageException("--timeout: expected seconds or an ISO-8601 duration such as PT30S, got '" + text + "'");
        }
    }

    /** What a technician at the reader sees on stderr while waiting. */
    private record OperatorMessages(CommandContext context) implements NfcListener {
        @Override
        public void phoneDetected() {
            context.err().println("vitale-terminal nfc-read: phone detected, reading");
        }

        @Override
        public void waitingForHolder() {
            context.err().println("vitale-terminal nfc-read: waiting for the holder to unlock the wallet");
        }

        @Override
        public void tapAbandoned(String why) {
            context.err().println("vitale-terminal nfc-read: " + why + "; waiting for another tap");
        }
    }
}
