package org.vitaleterminal.firmware.nfc;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.vitaleterminal.firmware.outbox.TestClock;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcReader;
import org.vitaleterminal.hal.nfc.NfcTarget;
import org.vitaleterminal.hal.nfc.ResponseApdu;
import org.vitaleterminal.hal.nfc.ResponseTooLargeException;
import org.vitaleterminal.hal.nfc.TargetLostException;

/**
 * An {@link NfcReader} at the APDU level for flow tests: a queue of phones, each answering
 * APDUs with a function and staying in the field for a number of presence checks.
 */
final class FakePhoneReader implements NfcReader {
    /** A scripted phone. {@code staysFor} presence checks answer true before it leaves. */
    static final class Phone {
        final Function<byte[], byte[]> card;
        int staysFor;
        int apdusBeforeLeaving = Integer.MAX_VALUE;

        Phone(Function<byte[], byte[]> card, int staysFor) {
            this.card = card;
            this.staysFor = staysFor;
        }
    }

    private final Deque<Phone> phones = new ArrayDeque<>();
    private final TestClock clock;
    private Phone current;
    final List<byte[]> sent = new ArrayList<>();
    int released;
    boolean closed;

    FakePhoneReader(TestClock clock) {
        this.clock = clock;
    }

    void tap(Phone phone) {
        phones.add(phone);
    }

    @Override
    public Optional<NfcTarget> poll(Duration timeout) {
        if (phones.isEmpty()) {
            clock.advance(timeout);
            return Optional.empty();
        }
        current = phones.poll();
        clock.advance(Duration.ofMillis(20));
        return Optional.of(new NfcTarget(1, new byte[] {8, 1, 2, 3}, 0x0004, 0x20, new byte[] {5, 0x75}));
    }

    @Override
    public ResponseApdu transmit(NfcTarget target, byte[] apdu, int maxResponseBytes) throws NfcException {
        if (current == null || current.apdusBeforeLeaving-- <= 0) {
            throw new TargetLostException("timeout");
        }
        sent.add(apdu.clone());
        clock.advance(Duration.ofMillis(30));
        ResponseApdu response = ResponseApdu.parse(current.card.apply(apdu));
        if (response.data().length > maxResponseBytes) {
            throw new ResponseTooLargeException(maxResponseBytes);
        }
        return response;
    }

    @Override
    public boolean isPresent(NfcTarget target) {
        return current != null && current.staysFor-- > 0;
    }

    @Override
    public void release(NfcTarget target) {
        released++;
        current = null;
    }

    @Override
    public String describe() {
        return "fake reader";
    }

    @Override
    public void close() {
        closed = true;
    }

    static boolean isSelect(byte[] apdu) {
        return apdu.length > 2 && apdu[1] == (byte) 0xA4;
    }

    static boolean isGetPresentation(byte[] apdu) {
        return apdu.length == 22 && apdu[0] == (byte) 0x80 && apdu[1] == 0x50;
    }

    static byte[] challengeOf(byte[] getPresentation) {
        return Arrays.copyOfRange(getPresentation, 5, 21);
    }

    static byte[] withSw(byte[] data, int sw) {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >>> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }
}
