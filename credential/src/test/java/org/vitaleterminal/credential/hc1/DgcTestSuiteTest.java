package org.vitaleterminal.credential.hc1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.testing.DgcCases;
import org.vitaleterminal.testing.PublicSuites;

/**
 * Runs every EU DCC test case of dgc-testdata through {@link Hc1Verifier}: input {@code PREFIX},
 * the case's {@code TESTCTX.CERTIFICATE} as the only trusted certificate, {@code VALIDATIONCLOCK}
 * as now. The verdict follows testdata/README.md: reject if any of the six chain flags is
 * false, else accept; a case with none of them is skipped (and counted).
 *
 * <p>The time check is tested only where {@code EXPECTEDEXPIRATIONCHECK} is present and the key
 * usage only where {@code EXPECTEDKEYUSAGE} is. The verifier always runs both, so a rejection by
 * one of them on a case that does not test it is counted as "not tested", not as a mismatch.
 *
 * <p>Harness decisions: {@code VALIDATIONCLOCK} without an offset is UTC; {@code TESTCTX.VERSION}
 * is never read, so the CZ files (whose VERSION is a string) run like every other case;
 * misspelled or nested flags ({@code EXPTECTEDEXPIRED}, {@code EXPECTEDRESULTS.EXPECTEDRESULTS})
 * are ignored, as the README says.
 */
class DgcTestSuiteTest {
    private static final List<String> CHAIN_FLAGS = List.of("EXPECTEDUNPREFIX", "EXPECTEDB45DECODE",
            "EXPECTEDCOMPRESSION", "EXPECTEDVERIFY", "EXPECTEDEXPIRATIONCHECK", "EXPECTEDKEYUSAGE");
    private static final String TIME_FLAG = "EXPECTEDEXPIRATIONCHECK";
    private static final String KEY_USAGE_FLAG = "EXPECTEDKEYUSAGE";

    /** testdata/README.md: the strict reference verifier's result on the 581 JSON cases. */
    private static final int README_POSITIVES = 476;
    private static final int README_POSITIVES_ACCEPTED = 467;
    private static final int README_NEGATIVES = 97;
    private static final int README_NEGATIVES_REJECTED = 96;
    /**
     * Positives the README's reference run accepted and this verifier refuses: CO20, whose alg
     * sits only in the unprotected header. The reference took alg from the unprotected header as
     * a fallback (notes/signed-qr.md §1.6) although the README lists CO20 as a defect; the spec
     * says alg MUST be protected.
     */
    private static final List<String> STRICTER_THAN_README = List.of("common/CO20");

    /** What a listed case must do here, whatever its label says ({@code reason} null: its label decides). */
    private record Expected(Reason reason, String detail) {
        static Expected label() {
            return new Expected(null, null);
        }

        static Expected accepted() {
            return new Expected(Reason.OK, null);
        }

        static Expected rejected(Reason reason, String detail) {
            return new Expected(reason, detail);
        }

        boolean matches(VerificationResult result) {
            if (reason == null) {
                return true; // the ordinary label check applies
            }
            if (result.reason() != reason) {
                return false;
            }
            return detail == null || (result instanceof VerificationResult.Rejected rejected
                    && rejected.detail().equals(detail));
        }

        @Override
        public String toString() {
            if (reason == null) {
                return "as labelled";
            }
            return detail == null ? reason.code() : reason.code() + " (" + detail + ")";
        }
    }

    /**
     * @param disagreesWithLabel the label is wrong for a strict verifier (counted as a known
     *                           defect); otherwise the label still decides, the note only explains
     */
    private record KnownDefect(String why, Expected behaviour, boolean disagreesWithLabel) {}

    private static final String FLOAT_TIMES = "iat/exp encoded as CBOR floats; HCERT wants integers and "
            + "the strict decoder refuses floats";
    private static final String FINNISH_DER = "certificate encodes a DER DEFAULT value; strict ASN.1 parsers "
            + "reject it, the JDK CertificateFactory accepts it, so the label holds";

    /** testdata/README.md: the root 6.json is a bare payload, not a test case; it is left out. */
    private static final String NOT_A_CASE = DgcCases.NOT_A_CASE;

    /** testdata/README.md "Known defects in the data", case by case. */
    private static final Map<String, KnownDefect> KNOWN_DEFECTS = knownDefects();

    private static Map<String, KnownDefect> knownDefects() {
        Map<String, KnownDefect> table = new TreeMap<>();
        for (String id : List.of("ES/401", "ES/402", "ES/403")) {
            table.put(id, new KnownDefect("labelled valid: P-384 key and a 96-byte signature under alg ES256",
                    Expected.rejected(Reason.UNSUPPORTED_ALG, null), true));
        }
        for (String id : List.of("ES/701", "ES/702", "ES/703", "ES/1501", "ES/1502", "ES/1503")) {
            table.put(id, new KnownDefect("labelled valid: " + FLOAT_TIMES,
                    Expected.rejected(Reason.FORMAT, "cbor: floating-point number"), true));
        }
        table.put("IS/3", new KnownDefect("labelled key usage false: the certificate has no EKU, so it is "
                + "valid for every entry type", Expected.accepted(), true));
        table.put("common/CO20", new KnownDefect("labelled valid: alg only in the unprotected header",
                Expected.rejected(Reason.FORMAT, "hc1: alg outside the protected header"), true));
        table.put("common/CO11", new KnownDefect("description says VALID, label says key usage false; the "
                + "label is right: the certificate allows recovery only and the DCC is a test",
                Expected.rejected(Reason.KEY_NOT_VALID, Hc1Verifier.KEY_USAGE_DETAIL), false));
        table.put("common/CBO1", new KnownDefect("labelled decode false, no chain flag (skipped). The README "
                + "calls the PREFIX chain valid; it is signed (the signature verifies) but its hcert claim "
                + "holds the broken CBOR as a byte string instead of the DCC map, so it is refused",
                Expected.rejected(Reason.FORMAT, "eu_dgc_v1: not a map"), false));
        for (int i = 1; i <= 10; i++) {
            table.put("FI/" + i, new KnownDefect(FINNISH_DER, Expected.accepted(), false));
        }
        for (String id : List.of("ES/501", "ES/502", "ES/503")) {
            table.put(id, new KnownDefect("the embedded PNG is a different certificate (firmware DgcQrImagesTest); "
                    + "the PREFIX chain is judged as labelled", Expected.label(), false));
        }
        for (String name : List.of("104-NL-vaccination", "126-NL-vaccination", "138-NL-vaccination",
                "178-NL-recovery", "217-NL-test+wrong_key", "230-NL-test+wrong_key", "236-NL-test+wrong_key",
                "249-NL-test+wrong_key", "287-NL-test+wrong_key")) {
            table.put("NL/" + name, new KnownDefect("PNG not found by ZXing 3.5.4 (firmware DgcQrImagesTest); "
                    + "the PREFIX chain is judged as labelled", Expected.label(), false));
        }
        for (int i : new int[] {1, 2, 3, 4, 5, 11, 12, 13, 14, 15}) {
            table.put("CZ/" + i, new KnownDefect("TESTCTX.VERSION is not an integer; this harness never reads "
                    + "VERSION, so the case is judged as labelled", Expected.label(), false));
        }
        return java.util.Collections.unmodifiableMap(table);
    }

    /** Counts per country, and the totals. */
    private static final class Tally {
        int evaluated;
        int positives;
        int positivesAccepted;
        int positivesNotTested;
        int negatives;
        int negativesRejected;
        int skipped;
        int knownDefects;

        void add(Tally other) {
            evaluated += other.evaluated;
            positives += other.positives;
            positivesAccepted += other.positivesAccepted;
            positivesNotTested += other.positivesNotTested;
            negatives += other.negatives;
            negativesRejected += other.negativesRejected;
            skipped += other.skipped;
            knownDefects += other.knownDefects;
        }

        String row(String name) {
            return String.format("%-8s %9d %7d/%-4d %9d %7d/%-4d %7d %6d", name, evaluated,
                    positivesAccepted, positives, positivesNotTested, negativesRejected, negatives, skipped,
                    knownDefects);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Hc1Verifier verifier = new Hc1Verifier(VerificationPolicy.defaults());

    @Test
    void everyCaseMatchesItsLabelOrItsListedDefect() throws Exception {
        Path root = PublicSuites.resolve("dgc");
        List<Path> cases = DgcCases.files(root);
        assertEquals(582, cases.size(), "581 JSON test cases and the root file QR");
        assertTrue(!JSON.readTree(root.resolve(NOT_A_CASE).toFile()).has("PREFIX"),
                NOT_A_CASE + " is a bare payload, not a test case");

        Map<String, Tally> byCountry = new TreeMap<>();
        Tally withoutRootQr = new Tally();
        List<String> mismatches = new ArrayList<>();
        List<String> notTested = new ArrayList<>();
        List<String> negativesByUntestedCheck = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> unseenDefects = new java.util.TreeSet<>(KNOWN_DEFECTS.keySet());

        for (Path file : cases) {
            String id = DgcCases.id(root, file);
            String country = id.equals("QR") ? "HR" : id.substring(0, id.indexOf('/'));
            Tally tally = byCountry.computeIfAbsent(country, c -> new Tally());
            Tally one = new Tally();
            JsonNode test = JSON.readTree(file.toFile());
            JsonNode flags = test.path("EXPECTEDRESULTS");
            VerificationResult result = run(test);
            KnownDefect defect = KNOWN_DEFECTS.get(id);
            unseenDefects.remove(id);
            if (defect != null && !defect.behaviour().matches(result)) {
                mismatches.add(id + ": known defect (" + defect.why() + ") should give " + defect.behaviour()
                        + ", got " + describe(result));
            }
            boolean relevant = CHAIN_FLAGS.stream().anyMatch(flags::has);
            if (!relevant) {
                one.skipped++;
                skipped.add(id + " " + describe(result));
            } else {
                one.evaluated++;
                boolean expectAccept = CHAIN_FLAGS.stream()
                        .noneMatch(f -> flags.has(f) && !flags.get(f).asBoolean(true));
                boolean agrees;
                if (expectAccept) {
                    one.positives++;
                    if (result.accepted()) {
                        one.positivesAccepted++;
                        agrees = true;
                    } else if (untestedCheck(result, flags, test.path("PREFIX").asText())) {
                        one.positivesNotTested++;
                        notTested.add(id + " " + describe(result));
                        agrees = true;
                    } else {
                        agrees = false;
                    }
                } else {
                    one.negatives++;
                    agrees = !result.accepted();
                    if (agrees) {
                        one.negativesRejected++;
                        if (untestedCheck(result, flags, test.path("PREFIX").asText())) {
                            // Still a rejection, but by a check the case does not test: report it.
                            negativesByUntestedCheck.add(id + " " + describe(result));
                        }
                    }
                }
                if (defect != null && defect.disagreesWithLabel()) {
                    one.knownDefects++;
                    if (agrees) {
                        mismatches.add(id + ": listed as a known defect but now agrees with its label: "
                                + describe(result));
                    }
                } else if (!agrees) {
                    mismatches.add(id + ": expected " + (expectAccept ? "accept" : "reject") + ", got "
                            + describe(result));
                }
            }
            if (!relevant && defect != null && defect.disagreesWithLabel()) {
                one.knownDefects++;
            }
            tally.add(one);
            if (!id.equals("QR")) {
                withoutRootQr.add(one);
            }
        }

        Tally total = new Tally();
        byCountry.values().forEach(total::add);
        printReport(byCountry, total, withoutRootQr, notTested);
        System.out.println("negatives refused by a check they do not test: " + negativesByUntestedCheck);
        System.out.println("skipped (no chain flag), for information: " + skipped);

        assertTrue(unseenDefects.isEmpty(), "known defects not found in the data: " + unseenDefects);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " case(s) disagree:\n  " + String.join("\n  ", mismatches));
        }
        // The README's reference run (581 JSON files, without the root QR).
        assertEquals(README_POSITIVES, withoutRootQr.positives, "positive cases");
        assertEquals(README_POSITIVES_ACCEPTED - STRICTER_THAN_README.size(),
                withoutRootQr.positivesAccepted + withoutRootQr.positivesNotTested,
                "positives accepted (or refused only by a check they do not test)");
        assertEquals(README_NEGATIVES, withoutRootQr.negatives, "negative cases");
        assertEquals(README_NEGATIVES_REJECTED, withoutRootQr.negativesRejected, "negatives rejected");
    }

    /**
     * The README's FI note, checked: each certificate encodes BasicConstraints {@code cA} = FALSE
     * explicitly (a DEFAULT value, forbidden in DER), and the store still takes it.
     */
    @Test
    void finnishCertificatesEncodeADefaultYetLoad() throws Exception {
        Path raw = PublicSuites.resolve("dgc").resolve("FI/2DCode/raw");
        byte[] explicitFalse = {0x30, 0x03, 0x01, 0x01, 0x00}; // SEQUENCE { BOOLEAN FALSE }
        for (int i = 1; i <= 10; i++) {
            JsonNode test = JSON.readTree(raw.resolve(i + ".json").toFile());
            byte[] der = Base64.getMimeDecoder().decode(test.path("TESTCTX").path("CERTIFICATE").asText());
            java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate)
                    java.security.cert.CertificateFactory.getInstance("X.509")
                            .generateCertificate(new java.io.ByteArrayInputStream(der));
            byte[] basicConstraints = ASN1OctetString.getInstance(certificate.getExtensionValue("2.5.29.19")).getOctets();
            assertArrayEquals(explicitFalse, basicConstraints, "FI/" + i + " BasicConstraints");
            assertEquals(1, Hc1TrustStore.of(List.of(der)).size(), "FI/" + i);
        }
    }

    private VerificationResult run(JsonNode test) throws InvalidCertificateException {
        JsonNode context = test.path("TESTCTX");
        byte[] certificate = Base64.getMimeDecoder().decode(context.path("CERTIFICATE").asText());
        Hc1TrustStore store = Hc1TrustStore.of(List.of(certificate));
        Instant now = clock(context.path("VALIDATIONCLOCK").asText());
        return verifier.verify(test.path("PREFIX").asText(), now, store);
    }

    /**
     * A rejection by the time or key-usage check on a case that does not test that check. The
     * time check covers what the README's reference run checked under EXPECTEDEXPIRATIONCHECK:
     * integer iat/exp, certificate validity around them, and the clock. Our decoder refuses the
     * float times already (FORMAT, "cbor: floating-point number"); such a rejection counts as the
     * time check only when an independent reading of the payload finds floats in iat/exp and
     * nowhere else.
     */
    private static boolean untestedCheck(VerificationResult result, JsonNode flags, String prefix) {
        if (!(result instanceof VerificationResult.Rejected rejected)) {
            return false;
        }
        Reason reason = rejected.reason();
        String detail = rejected.detail();
        boolean timeRejection = reason == Reason.NOT_YET_VALID || reason == Reason.EXPIRED
                || (reason == Reason.KEY_NOT_VALID && detail.equals(Hc1Verifier.VALIDITY_DETAIL))
                || (reason == Reason.FORMAT && detail.equals(FLOAT_DETAIL) && floatsOnlyInTimes(prefix));
        boolean keyUsageRejection = reason == Reason.KEY_NOT_VALID && detail.equals(Hc1Verifier.KEY_USAGE_DETAIL);
        return (timeRejection && !flags.has(TIME_FLAG)) || (keyUsageRejection && !flags.has(KEY_USAGE_FLAG));
    }

    private static final String FLOAT_DETAIL = "cbor: floating-point number";

    /** Reads the chain with the test's own lenient code: floats at claim 4 / 6 and nowhere else. */
    static boolean floatsOnlyInTimes(String prefix) {
        try {
            byte[] compressed = base45(prefix.substring(4));
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(compressed);
            byte[] buffer = new byte[65536];
            int length = inflater.inflate(buffer);
            inflater.end();
            Object message = LenientCborReader.decode(java.util.Arrays.copyOf(buffer, length));
            while (message instanceof LenientCborReader.Tagged tagged) {
                message = tagged.content();
            }
            byte[] payload = (byte[]) ((List<?>) message).get(2);
            List<String> floats = new ArrayList<>();
            collectFloats(LenientCborReader.decode(payload), "", floats);
            return !floats.isEmpty() && floats.stream().allMatch(p -> p.equals("/4") || p.equals("/6"));
        } catch (RuntimeException | java.util.zip.DataFormatException e) {
            return false;
        }
    }

    private static void collectFloats(Object item, String path, List<String> out) {
        if (item instanceof Double) {
            out.add(path);
        } else if (item instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectFloats(v, path + "/" + k, out));
        } else if (item instanceof List<?> list) {
            list.forEach(v -> collectFloats(v, path + "/*", out));
        } else if (item instanceof LenientCborReader.Tagged tagged) {
            collectFloats(tagged.content(), path, out);
        }
    }

    private static byte[] base45(String text) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i += 3) {
            int value = 0;
            int factor = 1;
            int n = Math.min(3, text.length() - i);
            for (int j = 0; j < n; j++) {
                value += alphabet.indexOf(text.charAt(i + j)) * factor;
                factor *= 45;
            }
            if (n == 3) {
                out.write(value >>> 8);
            }
            out.write(value & 0xFF);
        }
        return out.toByteArray();
    }

    private static String describe(VerificationResult result) {
        if (result instanceof VerificationResult.Rejected rejected) {
            return rejected.reason().code() + " (" + rejected.detail() + ")";
        }
        return result.reason().code();
    }

    private static void printReport(Map<String, Tally> byCountry, Tally total, Tally withoutRootQr,
                                    List<String> notTested) {
        StringBuilder out = new StringBuilder("\ndgc-testdata through Hc1Verifier\n");
        out.append(String.format("%-8s %9s %12s %9s %12s %7s %6s%n", "country", "evaluated", "pos accepted",
                "not-tested", "neg rejected", "skipped", "known"));
        byCountry.forEach((country, tally) -> out.append(tally.row(country)).append('\n'));
        out.append(total.row("TOTAL")).append('\n');
        out.append(withoutRootQr.row("JSON")).append("   (without the root QR file, as in the README)\n");
        out.append(String.format("agreeing positives (accepted + refused only by an untested check): %d/%d; "
                + "without the root QR: %d/%d%n", total.positivesAccepted + total.positivesNotTested, total.positives,
                withoutRootQr.positivesAccepted + withoutRootQr.positivesNotTested, withoutRootQr.positives));
        out.append(String.format("README reference: %d/%d positives accepted, %d/%d negatives rejected; "
                + "stricter here: %s%n", README_POSITIVES_ACCEPTED, README_POSITIVES, README_NEGATIVES_REJECTED,
                README_NEGATIVES, STRICTER_THAN_README));
        out.append("positives refused only by a check they do not test (").append(notTested.size()).append("):\n");
        notTested.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("listed cases (").append(KNOWN_DEFECTS.size()).append("; 'label wrong' = counted as a known defect; ")
                .append(NOT_A_CASE).append(" left out: not a test case):\n");
        KNOWN_DEFECTS.forEach((id, defect) -> out.append("  ").append(id).append(" -> ")
                .append(defect.behaviour()).append(defect.disagreesWithLabel() ? " [label wrong]: " : ": ")
                .append(defect.why()).append('\n'));
        System.out.print(out);
    }



    private static final DateTimeFormatter CLOCK = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /** ISO 8601 in the shapes the data uses; without an offset it is read as UTC. */
    static Instant clock(String text) {
        TemporalAccessor parsed = CLOCK.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime withOffset) {
            return withOffset.toInstant();
        }
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }
}
