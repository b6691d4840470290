package org.vitaleterminal.dist.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One readable line for each message the terminal publishes (mqtt-events spec): an FSE event as
 * the back end at the counter would summarise it, the retained status, a telemetry sample. The
 * NIR is masked ({@link NirMask}); a rejected event has no personal data to show in the first
 * place, so its line is the reason code and what it means.
 */
final class EventLine {
    /** What each reason code of vt1-credential.md §5 tells the person at the counter. */
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("FORMAT", "not a well-formed VT1 or HC1 code"),
            Map.entry("TOO_LARGE", "the code is too large"),
            Map.entry("UNSUPPORTED_ALG", "signature algorithm not allowed"),
            Map.entry("UNKNOWN_KEY", "signed by a key the trust list does not know (unknown issuer)"),
            Map.entry("KEY_NOT_VALID", "the issuer key is not valid for this credential"),
            Map.entry("BAD_SIGNATURE", "the issuer signature is wrong (forged or altered)"),
            Map.entry("NOT_YET_VALID", "the credential is not valid yet"),
            Map.entry("EXPIRED", "the credential has expired"),
            Map.entry("REVOKED", "the credential is on the trust list's revocation list"),
            Map.entry("BAD_HOLDER_SIGNATURE", "not signed by the phone the credential was issued to"),
            Map.entry("STALE", "the code is too old: a live wallet shows a fresh one"),
            Map.entry("CHALLENGE_MISMATCH", "the phone answered another challenge"),
            Map.entry("REPLAYED", "this very code was already used (a screenshot?)"),
            Map.entry("DISCLOSURE_INVALID", "a disclosed beneficiary is not in the credential"),
            Map.entry("INVALID_DATA", "the signed data is inconsistent"),
            Map.entry("DEMO_NOT_ALLOWED", "a demo credential outside demo mode"),
            Map.entry("TRUST_LIST_MISSING", "no trusted keys for this kind of code on this terminal"),
            Map.entry("TRUST_LIST_STALE", "the terminal's trust list is out of date"),
            Map.entry("CLOCK_UNTRUSTED", "the terminal's clock cannot be trusted"));

    private EventLine() {}

    /** The line for a message on {@code topic}, or null for a topic the demo does not print. */
    static String of(String topic, String payload) {
        Map<String, String> fields = JsonFields.of(payload);
        if (topic.endsWith("/fse")) {
            return fse(fields);
        }
        if (topic.endsWith("/status")) {
            return status(fields);
        }
        if (topic.endsWith("/telemetry")) {
            return telemetry(fields);
        }
        return null;
    }

    static String fse(Map<String, String> f) {
        String head = String.format("#%s %-8s %-4s", f.getOrDefault("seq", "?"),
                "presentation.accepted".equals(f.get("type")) ? "ACCEPTED" : "REJECTED", f.getOrDefault("channel", "?"));
        if (!"presentation.accepted".equals(f.get("type"))) {
            String reason = f.getOrDefault("reason", "?");
            return head + " " + reason + " — " + MEANINGS.getOrDefault(reason, "refused");
        }
        List<String> people = new ArrayList<>();
        boolean allOpen = true;
        for (int i = 0; f.containsKey("beneficiaries." + i + ".lastName"); i++) {
            String prefix = "beneficiaries." + i + ".";
            String who = f.getOrDefault(prefix + "firstName", "") + " " + f.get(prefix + "lastName");
            String quality = quality(f.get(prefix + "quality"));
            people.add(quality.isEmpty() ? who : who + " (" + quality + ")");
            allOpen &= "true".equals(f.get(prefix + "rightsOpen"));
        }
        StringBuilder line = new StringBuilder(head).append(' ').append(String.join(", ", people))
                .append(" · NIR ").append(NirMask.mask(f.get("insured.nir"), f.get("insured.nirKey")))
                .append(" · ").append(f.getOrDefault("credential.issuer", "?"))
                .append(' ').append(organisme(f.get("insured.organisme.regime"), f.get("insured.organisme.caisse")))
                .append(allOpen ? " · rights open" : " · rights CLOSED");
        if ("true".equals(f.get("credential.delegated"))) {
            line.append(" · shown by a delegate");
        }
        return line.toString();
    }

    static String status(Map<String, String> f) {
        String state = f.getOrDefault("state", "?");
        if (!f.containsKey("outboxDepth")) {
            return "status " + state;
        }
        List<String> devices = new ArrayList<>();
        new TreeMap<>(f).forEach((key, value) -> {
            if (key.startsWith("devices.")) {
                devices.add(key.substring("devices.".length()) + " " + value);
            }
        });
        return "status " + state + " · trust list v" + f.getOrDefault("trustListVersion", "none")
                + " until " + f.getOrDefault("trustListExpiresAt", "?") + " · outbox " + f.get("outboxDepth")
                + " · " + String.join(", ", devices);
    }

    static String telemetry(Map<String, String> f) {
        long rejected = 0;
        for (Map.Entry<String, String> entry : f.entrySet()) {
            if (entry.getKey().startsWith("scans.rejected.")) {
                rejected += Long.parseLong(entry.getValue());
            }
        }
        return "telemetry · " + f.getOrDefault("scans.accepted", "0") + " accepted, " + rejected + " rejected · "
                + f.getOrDefault("frames.processed", "0") + " frames (" + f.getOrDefault("frames.dropped", "0")
                + " dropped) · decode p50 " + millis(f.get("latencyMs.decode.p50")) + " · verify p50 "
                + millis(f.get("latencyMs.verify.p50")) + " · outbox " + f.getOrDefault("outbox.depth", "?");
    }

    /** A latency to a tenth of a millisecond: "2.340394" → "2.3 ms". */
    private static String millis(String value) {
        try {
            return String.format(Locale.ROOT, "%.1f ms", Double.parseDouble(value));
        } catch (NullPointerException | NumberFormatException e) {
            return "? ms";
        }
    }

    /** Régime 01 is the general scheme (a CPAM), 02 the farmers' (MSA). */
    private static String organisme(String regime, String caisse) {
        String scheme = switch (regime == null ? "" : regime) {
            case "01" -> "CPAM";
            case "02" -> "MSA";
            default -> "régime " + regime;
        };
        return scheme + " " + (caisse == null ? "?" : caisse);
    }

    /** The qualité code of a beneficiary, in words; empty for the insured person. */
    private static String quality(String code) {
        return switch (code == null ? "" : code) {
            case "", "0" -> "";
            case "2", "3", "4", "5", "8" -> "spouse";
            case "6" -> "child";
            default -> "dependant";
        };
    }
}
