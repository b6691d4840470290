package org.vitaleterminal.firmware.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.firmware.json.VerifiedDataJson;
import org.vitaleterminal.firmware.outbox.Outbox;

/**
 * Builds the FSE event of one decision ({@code docs/fse-event.schema.json}): the terminal's
 * metadata, then for {@code presentation.accepted} the verified data (written by
 * {@link VerifiedDataJson}, the same code as {@code verify}'s output) and for
 * {@code presentation.rejected} the reason code only — nothing from the payload, which was not
 * trusted, so a rejected event carries no personal data whatever was presented.
 *
 * <p>The event is built as an {@link Outbox.EventWriter}: the outbox hands it the {@code seq} and
 * {@code eventId} it allocates inside the commit that stores the event. The decision time
 * ({@code occurredAt}, and the date rights are judged on) is read from the injected clock when
 * {@link #of} is called, i.e. at the decision, not at the commit.
 */
public final class FseEvents {
    public static final String SCHEMA = "vt.fse-event/1";
    public static final String ACCEPTED = "presentation.accepted";
    public static final String REJECTED = "presentation.rejected";

    private static final JsonFactory JSON = new JsonFactory();

    private final TerminalIdentity terminal;
    private final String firmware;
    private final Clock clock;

    /**
     * @param firmware the firmware version ({@code Version.current()} on a terminal)
     * @param clock    the terminal's clock; its zone gives the local date rights are judged on
     */
    public FseEvents(TerminalIdentity terminal, String firmware, Clock clock) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.firmware = Objects.requireNonNull(firmware, "firmware");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether a decision has an FSE event. An accepted EU DCC ({@code HC1:}) has none: version 1
     * of the schema has no shape for it (an accepted event requires the VT1 insured data).
     */
    public static boolean hasEvent(VerificationResult result) {
        return !(result instanceof VerificationResult.AcceptedHcert);
    }

    /**
     * The event of a decision taken now, to be given to {@link Outbox#append}.
     *
     * @throws IllegalArgumentException for an accepted EU DCC (see {@link #hasEvent})
     */
    public Outbox.EventWriter of(VerificationResult result, Channel channel, DecisionFacts facts) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(facts, "facts");
        if (!hasEvent(result)) {
            throw new IllegalArgumentException("an accepted EU DCC has no FSE event");
        }
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate careDate = LocalDate.ofInstant(occurredAt, clock.getZone());
        return (seq, eventId) -> write(result, channel, facts, occurredAt, careDate, seq, eventId);
    }

    private byte[] write(VerificationResult result, Channel channel, DecisionFacts facts, Instant occurredAt,
            LocalDate careDate, long seq, String eventId) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeStringField("schema", SCHEMA);
            json.writeStringField("type", result.accepted() ? ACCEPTED : REJECTED);
            json.writeStringField("eventId", eventId);
            json.writeNumberField("seq", seq);
            json.writeStringField("terminalId", terminal.terminalId());
            json.writeStringField("siteId", terminal.siteId());
            if (terminal.siteKind() != null) {
                json.writeStringField("siteKind", terminal.siteKind());
            }
            json.writeStringField("occurredAt", occurredAt.toString());
            json.writeBooleanField("clockSynced", facts.clockSynced());
            json.writeStringField("channel", channel.code());
            json.writeStringField("reason", result.reason().code());
            json.writeNumberField("trustListVersion", facts.trustListVersion());
            json.writeStringField("firmware", firmware);
            if (facts.latency() != null) {
                json.writeNumberField("latencyMs", facts.latency().toMillis());
            }
            // A rejection writes nothing more: not even its detail text, nor the credential id.
            if (result instanceof VerificationResult.AcceptedPresentation accepted) {
                VerifiedDataJson.writeFields(json, accepted.presentation(), careDate);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
