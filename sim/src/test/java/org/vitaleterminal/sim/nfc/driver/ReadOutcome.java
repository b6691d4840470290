package org.vitaleterminal.sim.nfc.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcReader;
import org.vitaleterminal.hal.nfc.NfcTarget;
import org.vitaleterminal.hal.nfc.ReaderFailureException;
import org.vitaleterminal.hal.nfc.ResponseApdu;
import org.vitaleterminal.hal.nfc.TargetLostException;
import org.vitaleterminal.sim.wallet.Wallet;

/**
 * One tap read end to end (poll, SELECT, GET PRESENTATION with its chunks, a presence check,
 * release) and what came of it. The only acceptable outcomes: exactly the wallet's presentation
 * for the challenge sent, or a clean {@link TargetLostException} / {@link ReaderFailureException}.
 * Anything else — other bytes, another status word, another exception, a phone in the field
 * reported absent — fails the test on the spot.
 */
sealed interface ReadOutcome {
    record Read(int bytes) implements ReadOutcome {}

    record Failed(NfcException failure) implements ReadOutcome {}

    static ReadOutcome attempt(NfcReader reader, Wallet wallet, byte[] challenge, int... beneficiaries) {
        NfcTarget target = null;
        try {
            Optional<NfcTarget> found = reader.poll(Duration.ofSeconds(3));
            if (found.isEmpty()) {
                fail("a phone lies on the reader, yet poll found nothing in 3 s");
            }
            target = found.get();
            ResponseApdu answer = VirtualPhones.selectAndGet(reader, target, challenge);
            assertEquals(0x9000, answer.sw(), "GET PRESENTATION status");
            assertArrayEquals(VirtualPhones.expected(wallet, challenge, beneficiaries), answer.data(),
                    "never other bytes than the wallet's presentation");
            assertTrue(reader.isPresent(target), "the phone is still there");
            return new Read(answer.data().length);
        } catch (TargetLostException | ReaderFailureException e) {
            return new Failed(e);
        } catch (NfcException e) {
            throw new AssertionError("an NFC exception other than target lost / reader failure: " + e, e);
        } finally {
            if (target != null) {
                reader.release(target);
            }
        }
    }
}
