package org.vitaleterminal.hal.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact steps and times of every signal's pattern, on virtual time. */
class PatternPlayerTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingOutputs outputs = new RecordingOutputs(scheduler);
    private final PatternPlayer player = new PatternPlayer(outputs, scheduler);
    private final Patterns patterns = Patterns.standard();

    private List<String> play(Signal signal, long forMillis) {
        player.play(patterns.of(signal));
        scheduler.advance(forMillis);
        return outputs.log;
    }

    @Test
    void acceptedIsGreenWithOneShortBeepThenDark() {
        assertEquals(List.of("0 green+beep", "150 green", "2000 off"), play(Signal.ACCEPTED, 10_000));
        assertEquals(0, scheduler.pending(), "a one-shot pattern leaves nothing scheduled");
    }

    @Test
    void acceptedWithoutOpenRightsIsAmberWithTwoBeeps() {
        assertEquals(List.of("0 amber+beep", "150 amber", "300 amber+beep", "450 amber", "3000 off"),
                play(Signal.ACCEPTED_NO_OPEN_RIGHTS, 10_000));
    }

    @Test
    void rejectedIsRedWithOneLongBeep() {
        assertEquals(List.of("0 red+beep", "800 red", "3000 off"), play(Signal.REJECTED, 10_000));
    }

    @Test
    void waitingForUnlockBlinksAmberUntilReplaced() {
        assertEquals(List.of("0 amber", "500 off", "1000 amber", "1500 off", "2000 amber", "2500 off"),
                play(Signal.WAITING_FOR_UNLOCK, 2_999));
        assertEquals(1, scheduler.pending(), "still blinking");
    }

    @Test
    void faultBlinksRed() {
        assertEquals(List.of("0 red", "250 off", "1000 red", "1250 off", "2000 red"), play(Signal.FAULT, 2_100));
    }

    @Test
    void idleSwitchesOffAtOnce() {
        play(Signal.FAULT, 100);
        player.play(patterns.of(Signal.IDLE));
        scheduler.advance(10_000);
        assertEquals(List.of("0 red", "100 off"), outputs.log);
        assertEquals(0, scheduler.pending());
    }

    @Test
    void aNewSignalReplacesThePatternMidStep() {
        play(Signal.WAITING_FOR_UNLOCK, 700);           // amber at 0, off at 500
        player.play(patterns.of(Signal.REJECTED));      // at 700, in the middle of the dark half
        scheduler.advance(10_000);
        assertEquals(List.of("0 amber", "500 off", "700 red+beep", "1500 red", "3700 off"), outputs.log,
                "the blink's next step (amber at 1000) never comes");
        assertEquals(0, scheduler.pending());
    }

    @Test
    void aReplacementInTheMiddleOfABeepStopsTheBeep() {
        play(Signal.REJECTED, 100);
        player.play(patterns.of(Signal.ACCEPTED));
        scheduler.advance(300);
        assertEquals(List.of("0 red+beep", "100 green+beep", "250 green"), outputs.log);
    }

    @Test
    void playOnlyQueuesTheCallerNeverRunsAStep() {
        player.play(patterns.of(Signal.ACCEPTED));
        assertEquals(List.of(), outputs.log, "nothing written on the caller's thread");
        scheduler.advance(0);
        assertEquals(List.of("0 green+beep"), outputs.log);
    }

    @Test
    void aFailingOutputDoesNotStopThePattern() {
        outputs.failuresLeft = 1;
        play(Signal.ACCEPTED, 10_000);
        assertEquals(List.of("150 green", "2000 off"), outputs.log);
    }

    @Test
    void closeSwitchesOffReleasesAndIgnoresLaterSignals() {
        play(Signal.FAULT, 100);
        player.close();
        assertTrue(scheduler.closed);
        assertTrue(outputs.closed);
        assertEquals(List.of("0 red", "100 off"), outputs.log);
        player.play(patterns.of(Signal.ACCEPTED));
        scheduler.advance(1_000);
        assertEquals(List.of("0 red", "100 off"), outputs.log);
    }
}
