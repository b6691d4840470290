package org.vitaleterminal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.CredentialVerifier;
import org.vitaleterminal.credential.PayloadFormat;
import org.vitaleterminal.credential.TerminalState;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.crypto.CoseAlgorithm;
import org.vitaleterminal.credential.hc1.Hc1TrustStore;
import org.vitaleterminal.credential.hc1.InvalidCertificateException;

/**
 * Goal 2: an HC1 (EU Digital COVID Certificate) ES256 text through
 * {@link CredentialVerifier#verifyText} — prefix, Base45, zlib, CBOR, COSE headers, the DSC
 * lookup by kid, the ES256 signature, the HCERT claims, key usage and validity, time checks.
 * Goal on the Raspberry Pi: ≤ 150 µs.
 *
 * <p>The case is a real one from the EU dgc-testdata, read in place: its {@code PREFIX} text,
 * {@code TESTCTX.CERTIFICATE} (base64 DER, the only trusted signer) and
 * {@code TESTCTX.VALIDATIONCLOCK} (the terminal's time). {@link #dgcCase} is that JSON file:
 * absolute, or relative to the test-data directory — system property {@code vt.testdata}, else
 * the environment's {@code VITALE_TESTDATA}, else {@code ../shared/testdata} from the working
 * directory (the project root's sibling, as {@code scripts/dev} finds it). Choose another case
 * with {@code -p dgcCase=...}; setup refuses a case that is not accepted as ES256.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class Hc1VerifyBenchmark {
    /** A vaccination certificate of Austria, ES256, valid at its VALIDATIONCLOCK. */
    @Param({"dgc/AT/2DCode/raw/1.json"})
    public String dgcCase;

    private CredentialVerifier verifier;
    private TerminalState state;
    private String text;

    @Setup(Level.Trial)
    public void setUp() throws InvalidCertificateException {
        Path file = resolve(dgcCase);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DCC test case " + file
                    + " (set -Dvt.testdata=DIR or VITALE_TESTDATA, or -p dgcCase=/absolute/path.json)", e);
        }
        text = field(json, "PREFIX");
        byte[] certificate = Base64.getMimeDecoder().decode(field(json, "CERTIFICATE"));
        Instant now = instant(field(json, "VALIDATIONCLOCK"));
        state = new TerminalState(now, true, null, Hc1TrustStore.of(List.of(certificate)));
        verifier = new CredentialVerifier(VerificationPolicy.defaults(), NeverRemembersReplayGuard.INSTANCE);

        VerificationResult result = BenchWorld.requireAccepted("HC1 " + file, verify());
        if (result.format() != PayloadFormat.HC1
                || ((VerificationResult.AcceptedHcert) result).hcert().algorithm() != CoseAlgorithm.ES256) {
            throw new IllegalStateException("HC1 " + file + " is not an ES256 HC1 certificate: " + result);
        }
    }

    @Benchmark
    public VerificationResult verify() {
        return BenchWorld.requireAccepted("HC1", verifier.verifyText(text, Channel.QR, state));
    }

    static Path resolve(String name) {
        Path path = Path.of(name);
        if (path.isAbsolute()) {
            return path;
        }
        String dir = System.getProperty("vt.testdata");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("VITALE_TESTDATA");
        }
        if (dir == null || dir.isBlank()) {
            dir = "../shared/testdata";
        }
        return Path.of(dir).resolve(path).toAbsolutePath().normalize();
    }

    /** VALIDATIONCLOCK is ISO 8601, with an offset in most cases; without one it is UTC. */
    static Instant instant(String clock) {
        try {
            return OffsetDateTime.parse(clock).toInstant();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(clock).toInstant(ZoneOffset.UTC);
        }
    }

    /**
     * The string value of the first {@code "name": "..."} in the file. Enough for these three
     * fields, whose values hold no quotes or escapes (base64, Base45 and an ISO instant).
     */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"\\\\]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no string field \"" + name + "\" in the DCC test case");
        }
        return m.group(1);
    }
}
