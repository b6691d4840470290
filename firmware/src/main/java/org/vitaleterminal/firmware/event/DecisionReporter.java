package org.vitaleterminal.firmware.event;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.vitaleterminal.credential.Channel;
import org.vitaleterminal.credential.VerificationResult;
import org.vitaleterminal.credential.vt1.Beneficiary;
import org.vitaleterminal.firmware.outbox.Outbox;
import org.vitaleterminal.firmware.outbox.OutboxException;
import org.vitaleterminal.firmware.outbox.StoredEvent;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.indicator.Signal;

/**
 * Records a decision, then shows it: the FSE event is committed to the outbox first, and only
 * then do the LEDs and buzzer react. If the outbox cannot take the event (full, storage failure)
 * the person at the counter sees {@link Signal#FAULT}, never a green light for a decision that
 * the back end will not receive.
 */
public final class DecisionReporter {
    private final Outbox outbox;
    private final FseEvents events;
    private final Indicator indicator;
    private final Clock clock;

    /** @param clock the same clock as {@code events}: its zone gives the date rights are judged on */
    public DecisionReporter(Outbox outbox, FseEvents events, Indicator indicator, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.events = Objects.requireNonNull(events, "events");
        this.indicator = Objects.requireNonNull(indicator, "indicator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return the stored event, or empty for a decision without one (an accepted EU DCC)
     * @throws OutboxException when the event could not be committed; {@link Signal#FAULT} is shown
     */
    public Optional<StoredEvent> report(VerificationResult result, Channel channel, DecisionFacts facts) {
        Signal signal = signalFor(result, LocalDate.ofInstant(clock.instant(), clock.getZone()));
        if (!FseEvents.hasEvent(result)) {
            indicator.show(signal);
            return Optional.empty();
        }
        StoredEvent stored;
        try {
            stored = outbox.append(events.of(result, channel, facts));
        } catch (RuntimeException e) {
            indicator.show(Signal.FAULT);
            throw e;
        }
        indicator.show(signal);
        return Optional.of(stored);
    }

    /**
     * No decision could be made because the terminal's own state failed (the replay store or the
     * clock mark): {@link Signal#FAULT}, and no event — nothing was decided about the credential.
     */
    public void terminalFault() {
        indicator.show(Signal.FAULT);
    }

    static Signal signalFor(VerificationResult result, LocalDate careDate) {
        return switch (result) {
            case VerificationResult.Rejected rejected -> Signal.REJECTED;
            case VerificationResult.AcceptedHcert hcert -> Signal.ACCEPTED;
            case VerificationResult.AcceptedPresentation accepted -> {
                boolean open = accepted.presentation().beneficiaries().stream()
                        .allMatch((Beneficiary b) -> b.rightsOpenOn(careDate));
                yield open ? Signal.ACCEPTED : Signal.ACCEPTED_NO_OPEN_RIGHTS;
            }
        };
    }
}
