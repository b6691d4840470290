package org.vitaleterminal.firmware.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.hc1.VerifiedHcert;

/**
 * The one JSON object {@code verify} and {@code nfc-read} print: {@code outcome}, {@code reason},
 * {@code format}, {@code channel}, {@code verifiedAt}; then {@code detail} for a rejection (a
 * fixed text, never payload data), the FSE event's verified-data objects for an accepted VT1
 * presentation, or {@code signer}/{@code hcert} for an accepted EU DCC.
 */
public final class VerificationJson {
    private static final JsonFactory JSON = new JsonFactory();

    private VerificationJson() {}

    /**
     * @param careDate the local date the beneficiaries' rights are judged on
     */
    public static String of(VerificationResult result, Channel channel, Instant now, LocalDate careDate) {
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
                case VerificationResult.AcceptedPresentation accepted ->
                        VerifiedDataJson.writeFields(json, accepted.presentation(), careDate);
                case VerificationResult.AcceptedHcert accepted -> writeHcert(json, accepted.hcert());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString(StandardCharsets.UTF_8);
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
