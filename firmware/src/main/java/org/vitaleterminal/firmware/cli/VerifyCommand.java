package org.vitaleterminal.firmware.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.hc1.VerifiedHcert;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.credential.vt1.InMemoryReplayGuard;
import org.vitaleterminal.credential.vt1.VerifiedPresentation;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.ConfigKey;
import org.vitaleterminal.firmware.config.Configuration;
import org.vitaleterminal.firmware.json.CborJson;
import org.vitaleterminal.firmware.json.VerifiedDataJson;
import org.vitaleterminal.firmware.qr.QrImageDecoder;
import org.vitaleterminal.firmware.trust.TrustFiles;
import org.vitaleterminal.firmware.trust.TrustListLocation;

/**
 * {@code vitale-terminal verify}: verifies one payload offline and prints one JSON object —
 * {@code outcome}, {@code reason} and, when accepted, the same {@code credential},
 * {@code presentation}, {@code insured} and {@code beneficiaries} objects as an FSE event (or
 * {@code hcert} for an EU DCC). Exit 0 accepted, 1 rejected, 2 usage or I/O error.
 */
public final class VerifyCommand implements Command {
    private static final Set<String> INPUTS = Set.of("text", "file", "image", "nfc-bytes");
    private static final Set<String> WITH_VALUE = Set.of("text", "file", "image", "nfc-bytes", "trust-list",
            "trust-root", "hc1-cert", "now", "challenge", "config");
    private static final Set<String> FLAGS = Set.of("demo", "help");
    private static final Set<String> REPEATABLE = Set.of("trust-root", "hc1-cert");
    private static final JsonFactory JSON = new JsonFactory();

    private static final String HELP = """
            usage: vitale-terminal verify (--text T | --file F | --image PNG/JPG | --nfc-bytes F) [options]
              --text T            the scanned text (VT1:... or HC1:...)
              --file F            a file holding the scanned text
              --image F           a PNG or JPEG photo or screenshot of the QR code
              --nfc-bytes F       raw presentation bytes as read over NFC (needs --challenge)
              --config F          take trust roots, trust list and policy from a terminal.properties
              --trust-list F      the signed trust list (with --trust-root; instead of --config)
              --trust-root PEM    a pinned trust-list signer key (repeatable)
              --hc1-cert F        a trusted EU DCC document-signer certificate, PEM or DER (repeatable)
              --now T             verification time: epoch seconds or ISO-8601 (default: now)
              --challenge HEX     the 16-byte NFC challenge the presentation must answer
              --demo              accept demo keys and credentials
            prints one JSON object; exit 0 accepted, 1 rejected, 2 usage or I/O error""";

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "verify one QR text, image or NFC read offline and print the result as JSON";
    }

    @Override
    public int run(List<String> arguments, CommandContext context) throws UsageException {
        Options options = Options.parse(arguments, WITH_VALUE, FLAGS, REPEATABLE);
        if (options.flag("help")) {
            context.out().println(HELP);
            return ExitStatus.OK;
        }
        if (!options.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + options.positional().get(0) + "'\n" + HELP);
        }
        List<String> inputs = INPUTS.stream().filter(options::has).sorted().toList();
        if (inputs.size() != 1) {
            throw new UsageException("give exactly one of --text, --file, --image, --nfc-bytes\n" + HELP);
        }
        Instant now = context.clock().instant();
        if (options.has("now")) {
            now = parseTime(options.value("now").get());
        }
        Trust trust = loadTrust(options, context);
        TerminalState state = new TerminalState(now, true, trust.list(), trust.hc1Signers());
        CredentialVerifier verifier = new CredentialVerifier(trust.policy(), new InMemoryReplayGuard(16));

        VerificationResult result;
        Channel channel;
        if (options.has("nfc-bytes")) {
            byte[] challenge = options.value("challenge").map(VerifyCommand::parseChallenge)
                    .orElseThrow(() -> new UsageException("--nfc-bytes needs --challenge HEX (the 16-byte challenge sent to the phone)"));
            if (challenge.length == 0) {
                throw new UsageException("--challenge: expected 32 hexadecimal digits (16 bytes)");
            }
            channel = Channel.NFC;
            result = verifier.verifyNfc(readBytes(context.resolve(options.value("nfc-bytes").get()), "--nfc-bytes"),
                    challenge, state);
        } else {
            if (options.has("challenge")) {
                throw new UsageException("--challenge only goes with --nfc-bytes");
            }
            channel = Channel.QR;
            result = verifier.verifyText(readText(options, context), channel, state);
        }
        context.out().println(toJson(result, channel, now, LocalDate.ofInstant(now, context.clock().getZone())));
        return result.accepted() ? ExitStatus.OK : ExitStatus.REJECTED;
    }

    private record Trust(TrustList list, Hc1TrustStore hc1Signers, VerificationPolicy policy) {}

    private static Trust loadTrust(Options options, CommandContext context) throws UsageException {
        VerificationPolicy policy = VerificationPolicy.defaults();
        List<Path> rootFiles;
        Optional<Path> listFile;
        boolean demo = options.flag("demo");
        if (options.has("config")) {
            if (options.has("trust-list") || options.has("trust-root")) {
                throw new UsageException("give either --config or --trust-list/--trust-root, not both");
            }
            try {
                Configuration config = Configuration.load(context.resolve(options.value("config").get()),
                        context.environment());
                rootFiles = config.paths(ConfigKey.TRUST_ROOTS);
                listFile = Optional.of(TrustListLocation.select(config));
                policy = policy.withTrustListGrace(config.duration(ConfigKey.TRUST_GRACE, policy.trustListGrace()))
                        .withQrWindow(config.duration(ConfigKey.PRESENTATION_MAX_AGE, policy.qrMaxAge()),
                                config.duration(ConfigKey.PRESENTATION_MAX_FUTURE, policy.qrMaxFuture()));
                demo = demo || config.bool(ConfigKey.DEMO, false);
            } catch (ConfigException e) {
                throw new UsageException(e.getMessage());
            }
        } else {
            rootFiles = options.all("trust-root").stream().map(context::resolve).toList();
            listFile = options.value("trust-list").map(context::resolve);
            if (listFile.isPresent() && rootFiles.isEmpty()) {
                throw new UsageException("--trust-list needs at least one --trust-root to verify it against");
            }
        }
        try {
            List<TrustRoot> roots = TrustFiles.readRoots(rootFiles);
            TrustList list = null;
            if (listFile.isPresent()) {
                try {
                    list = TrustFiles.readTrustList(listFile.get(), roots);
                } catch (TrustListException e) {
                    // Verification goes on and says TRUST_LIST_MISSING: that is what the terminal would do.
                    context.err().println("vitale-terminal verify: trust list " + listFile.get() + " refused ("
                            + e.problem() + "): " + e.getMessage());
                }
            }
            Hc1TrustStore hc1 = TrustFiles.readHc1Signers(options.all("hc1-cert").stream().map(context::resolve).toList());
            return new Trust(list, hc1, policy.withDemoMode(demo));
        } catch (TrustFiles.TrustFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String readText(Options options, CommandContext context) throws UsageException {
        if (options.has("text")) {
            return stripLineEnd(options.value("text").get());
        }
        if (options.has("file")) {
            return stripLineEnd(new String(readBytes(context.resolve(options.value("file").get()), "--file"),
                    StandardCharsets.UTF_8));
        }
        Path image = context.resolve(options.value("image").get());
        try {
            return new QrImageDecoder().decode(image)
                    .orElseThrow(() -> new UsageException("--image: no QR code found in " + image));
        } catch (IOException e) {
            throw new UsageException("--image: cannot read " + image + " as a PNG or JPEG image");
        }
    }

    /** A scanner or an editor ends the text with CR/LF; Base45 can end with a space, so only those go. */
    private static String stripLineEnd(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    private static byte[] readBytes(Path file, String option) throws UsageException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException(option + ": cannot read " + file);
        }
    }

    private static Instant parseTime(String text) throws UsageException {
        try {
            if (text.matches("-?\\d+")) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            throw new UsageException("--now: expected epoch seconds or an ISO-8601 time such as 2026-11-27T10:00:00Z, got '"
                    + text + "'");
        }
    }

    private static byte[] parseChallenge(String hex) {
        try {
            byte[] bytes = HexFormat.of().parseHex(hex);
            return bytes.length == 16 ? bytes : new byte[0];
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    static String toJson(VerificationResult result, Channel channel, Instant now, LocalDate careDate) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeStringField("outcome", result.accepted() ? "accepted" : "rejected");
            json.writeStringField("reason", result.reason().code());
            json.writeStringField("format", result.format().name());
            json.writeStringField("channel", channel.code());
            json.writeStringField("verifiedAt", now.truncatedTo(ChronoUnit.MILLIS).toString());
            switch (result) {
                case VerificationResult.Rejected rejected -> json.writeStringField("detail", rejected.detail());
                case VerificationResult.AcceptedPresentation accepted -> writePresentation(json, accepted.presentation(), careDate);
                case VerificationResult.AcceptedHcert accepted -> writeHcert(json, accepted.hcert());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static void writePresentation(JsonGenerator json, VerifiedPresentation presentation, LocalDate careDate)
            throws IOException {
        VerifiedDataJson.writeFields(json, presentation, careDate);
    }

    private static void writeHcert(JsonGenerator json, VerifiedHcert hcert) throws IOException {
        json.writeObjectFieldStart("signer");
        json.writeStringField("kid", hcert.kid().hex());
        json.writeStringField("alg", hcert.algorithm().name());
        if (hcert.issuerCountry() != null) {
            json.writeStringField("country", hcert.issuerCountry());
        }
        json.writeEndObject();
        json.writeStringField("issuedAt", hcert.issuedAt().toString());
        json.writeStringField("expiresAt", hcert.expiresAt().toString());
        json.writeFieldName("hcert");
        CborJson.write(json, hcert.dcc());
    }
}
