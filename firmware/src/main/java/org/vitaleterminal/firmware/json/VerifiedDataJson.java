package org.vitaleterminal.firmware.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDate;
import org.vitaleterminal.credential.vt1.Beneficiary;
import org.vitaleterminal.credential.vt1.ComplementaryInsurance;
import org.vitaleterminal.credential.vt1.Coverage;
import org.vitaleterminal.credential.vt1.CredentialInfo;
import org.vitaleterminal.credential.vt1.Insured;
import org.vitaleterminal.credential.vt1.Period;
import org.vitaleterminal.credential.vt1.PresentationInfo;
import org.vitaleterminal.credential.vt1.VerifiedPresentation;

/**
 * Writes the verified data of an accepted VT1 presentation as the {@code credential},
 * {@code presentation}, {@code insured} and {@code beneficiaries} fields of the FSE event schema
 * ({@code docs/fse-event.schema.json}). {@code verify} output and FSE events share this writer,
 * so they cannot drift apart.
 */
public final class VerifiedDataJson {
    private VerifiedDataJson() {}

    /**
     * Writes the four fields into the object currently open in {@code json}.
     *
     * @param careDate the date the rights are judged on ({@code rightsOpen})
     */
    public static void writeFields(JsonGenerator json, VerifiedPresentation verified, LocalDate careDate)
            throws IOException {
        writeCredential(json, verified.credential());
        writePresentation(json, verified.presentation());
        writeInsured(json, verified.insured());
        json.writeArrayFieldStart("beneficiaries");
        for (Beneficiary beneficiary : verified.beneficiaries()) {
            writeBeneficiary(json, beneficiary, careDate);
        }
        json.writeEndArray();
    }

    private static void writeCredential(JsonGenerator json, CredentialInfo credential) throws IOException {
        json.writeObjectFieldStart("credential");
        json.writeStringField("id", credential.idHex());
        json.writeStringField("issuer", credential.issuer());
        json.writeStringField("kid", credential.kid().hex());
        json.writeStringField("issuedAt", credential.issuedAt().toString());
        json.writeStringField("expiresAt", credential.expiresAt().toString());
        json.writeBooleanField("demo", credential.demo());
        json.writeBooleanField("delegated", credential.delegated());
        if (credential.delegated()) {
            json.writeStringField("delegate", credential.delegate());
        }
        json.writeEndObject();
    }

    private static void writePresentation(JsonGenerator json, PresentationInfo presentation) throws IOException {
        json.writeObjectFieldStart("presentation");
        json.writeStringField("at", presentation.at().toString());
        json.writeStringField("nonce", presentation.nonceHex());
        json.writeEndObject();
    }

    private static void writeInsured(JsonGenerator json, Insured insured) throws IOException {
        json.writeObjectFieldStart("insured");
        json.writeStringField("nir", insured.nir());
        json.writeNumberField("nirKey", insured.nirKey());
        json.writeObjectFieldStart("organisme");
        json.writeStringField("regime", insured.organisme().regime());
        json.writeStringField("caisse", insured.organisme().caisse());
        json.writeStringField("centre", insured.organisme().centre());
        if (insured.organisme().gestion() != null) {
            json.writeStringField("gestion", insured.organisme().gestion());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeBeneficiary(JsonGenerator json, Beneficiary b, LocalDate careDate) throws IOException {
        json.writeStartObject();
        json.writeStringField("lastName", b.lastName());
        if (b.birthName() != null) {
            json.writeStringField("birthName", b.birthName());
        }
        json.writeStringField("firstName", b.firstName());
        json.writeStringField("birthDate", b.birthDate());
        json.writeNumberField("birthRank", b.birthRank());
        json.writeNumberField("quality", b.quality());
        if (b.nir() != null) {
            json.writeStringField("nir", b.nir());
            json.writeNumberField("nirKey", b.nirKey());
        }
        if (b.ins() != null) {
            json.writeObjectFieldStart("ins");
            json.writeStringField("value", b.ins().value());
            json.writeStringField("oid", b.ins().oid());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("amo");
        for (Period period : b.amo()) {
            writePeriod(json, period);
        }
        json.writeEndArray();
        if (b.coverage() != null) {
            json.writeArrayFieldStart("coverage");
            for (Coverage coverage : b.coverage()) {
                json.writeStartObject();
                json.writeStringField("code", coverage.code());
                if (coverage.situation() != null) {
                    json.writeStringField("situation", coverage.situation());
                }
                json.writeFieldName("period");
                writePeriod(json, coverage.period());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (b.amc() != null) {
            writeAmc(json, b.amc());
        }
        json.writeBooleanField("rightsOpen", b.rightsOpenOn(careDate));
        json.writeEndObject();
    }

    private static void writeAmc(JsonGenerator json, ComplementaryInsurance amc) throws IOException {
        json.writeObjectFieldStart("amc");
        json.writeStringField("number", amc.number());
        if (amc.adherent() != null) {
            json.writeStringField("adherent", amc.adherent());
        }
        if (amc.indicator() != null) {
            json.writeStringField("indicator", amc.indicator());
        }
        json.writeFieldName("period");
        writePeriod(json, amc.period());
        json.writeEndObject();
    }

    private static void writePeriod(JsonGenerator json, Period period) throws IOException {
        json.writeStartObject();
        json.writeStringField("from", period.from());
        json.writeStringField("to", period.to());
        json.writeEndObject();
    }
}
