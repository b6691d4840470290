package org.vitaleterminal.firmware.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.vt1.InMemoryReplayGuard;
import org.vitaleterminal.firmware.json.VerificationJson;
import org.vitaleterminal.firmware.qr.QrImageDecoder;

/**
 * {@code vitale-terminal verify}: verifies one payload offline and prints one JSON object —
 * {@code outcome}, {@code reason} and, when accepted, the same {@code credential},
 * {@code presentation}, {@code insured} and {@code beneficiaries} objects as an FSE event (or
 * {@code hcert} for an EU DCC). Exit 0 accepted, 1 rejected, 2 usage or I/O error.
 */
public final class VerifyCommand implements Command {
    private static final Set<String> INPUTS = Set.of("text", "file", "image", "nfc-bytes");
    private static final Set<String> WITH_VALUE = Options.union(Set.of("text", "file", "image", "nfc-bytes", "now", "challenge"),
            TrustOptions.WITH_VALUE);
    private static final Set<String> FLAGS = Options.union(Set.of("help"), TrustOptions.FLAGS);

    private static final String HELP = """
            usage: vitale-terminal verify (--text T | --file F | --image PNG/JPG | --nfc-bytes F) [options]
              --text T            the scanned text (VT1:... or HC1:...)
              --file F            a file holding the scanned text
              --image F           a PNG or JPEG photo or screenshot of the QR code
              --nfc-bytes F       raw presentation bytes as read over NFC (needs --challenge)
              --now T             verification time: epoch seconds or ISO-8601 (default: now)
              --challenge HEX     the 16-byte NFC challenge the presentation must answer
            """ + TrustOptions.HELP + """

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
        Options options = Options.parse(arguments, WITH_VALUE, FLAGS, TrustOptions.REPEATABLE);
        if (options.flag("help")) {
            context.out().println(HELP);
            return ExitStatus.OK;
        }
        options.rejectPositional(HELP);
        List<String> inputs = INPUTS.stream().filter(options::has).sorted().toList();
        if (inputs.size() != 1) {
            throw new UsageException("give exactly one of --text, --file, --image, --nfc-bytes\n" + HELP);
        }
        Instant now = context.clock().instant();
        if (options.has("now")) {
            now = parseTime(options.value("now").get());
        }
        TrustOptions.Trust trust = TrustOptions.load(options, context);
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
        context.out().println(VerificationJson.of(result, channel, now, LocalDate.ofInstant(now, context.clock().getZone())));
        return result.accepted() ? ExitStatus.OK : ExitStatus.REJECTED;
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
}
