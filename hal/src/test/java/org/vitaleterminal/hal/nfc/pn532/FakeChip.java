package org.vitaleterminal.hal.nfc.pn532;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A PN532 that understands commands rather than playing a script: enough of the chip for
 * reader-level tests (targets coming and going, a phone app answering APDUs, faults on demand).
 * It speaks whole frames to the driver (the byte level is tested elsewhere).
 */
final class FakeChip implements Pn532Transport {
    enum Fault { NONE, SILENT, ACK_ONLY, IO_ERROR }

    private final FakeTime time;
    private final Pn532FrameParser parser = new Pn532FrameParser();
    private final Deque<Pn532Frame> out = new ArrayDeque<>();
    private final Deque<byte[]> targets = new ArrayDeque<>();
    private byte[] lastResponse;

    /** Every command the driver sent (code and parameters), as hex. */
    final List<String> commands = new ArrayList<>();
    /** The phone behind the current target: command APDU in, response APDU (data + SW) out. */
    UnaryOperator<byte[]> phone = apdu -> Hex.bytes("90 00");
    int ic = 0x32;
    boolean fieldOn;
    int wakeUps;
    int aborts;
    boolean present = true;
    boolean closed;
    /** Told of every command as it arrives (hex of code and parameters). */
    java.util.function.Consumer<String> onCommand = c -> {};
    /** The fault applied to the next command (then back to NONE). */
    Fault nextFault = Fault.NONE;

    FakeChip(FakeTime time) {
        this.time = time;
    }

    /** The next InListPassiveTarget finds this target (Tg 1). */
    FakeChip target(byte[] targetData) {
        targets.add(targetData);
        return this;
    }

    /** A phone: ATQA 0004, SAK 20, random-looking UID, the nfcpy tt4 ATS. */
    static byte[] phone(String uid) {
        byte[] u = Hex.bytes(uid);
        return Hex.concat(Hex.bytes("01 00 04 20"), new byte[] {(byte) u.length}, u, Hex.bytes("06 75 77 81 02 80"));
    }

    /** A MIFARE Ultralight-like tag: ATQA 0044, SAK 00, 7-byte UID, no ATS. */
    static byte[] tag(String uid) {
        byte[] u = Hex.bytes(uid);
        return Hex.concat(Hex.bytes("01 00 44 00"), new byte[] {(byte) u.length}, u);
    }

    long count(String commandPrefix) {
        return commands.stream().filter(c -> c.startsWith(commandPrefix)).count();
    }

    @Override
    public void wakeUp() {
        wakeUps++;
    }

    @Override
    public void write(byte[] frame) throws IOException {
        Fault fault = nextFault;
        parser.feed(frame);
        for (Optional<Pn532Frame> f = parser.next(); f.isPresent(); f = parser.next()) {
            switch (f.get()) {
                case Pn532Frame.Ack a -> {
                    aborts++;
                    out.clear();
                }
                case Pn532Frame.Nack n -> {
                    if (lastResponse != null) {
                        out.add(new Pn532Frame.Information(0xD5, lastResponse));
                    }
                }
                case Pn532Frame.Information i -> {
                    nextFault = Fault.NONE;
                    if (fault == Fault.IO_ERROR) {
                        throw new IOException("fake I/O error");
                    }
                    byte[] data = i.data();
                    commands.add(Hex.of(data));
                    onCommand.accept(Hex.of(data));
                    if (fault == Fault.SILENT) {
                        continue;
                    }
                    out.add(new Pn532Frame.Ack());
                    if (fault == Fault.ACK_ONLY) {
                        continue;
                    }
                    byte[] answer = answer(data[0] & 0xFF, Arrays.copyOfRange(data, 1, data.length));
                    lastResponse = Hex.concat(new byte[] {(byte) (data[0] + 1)}, answer);
                    out.add(new Pn532Frame.Information(0xD5, lastResponse));
                }
                default -> throw new AssertionError("the host sent " + f.get());
            }
        }
    }

    private byte[] answer(int code, byte[] p) {
        return switch (code) {
            case 0x02 -> new byte[] {(byte) ic, 0x01, 0x06, 0x07};
            case 0x14, 0x12 -> new byte[0];
            case 0x32 -> {
                if (p[0] == 0x01) {
                    fieldOn = (p[1] & 1) != 0;
                }
                yield new byte[0];
            }
            case 0x4A -> {
                byte[] t = targets.poll();
                yield t == null ? new byte[] {0x00} : Hex.concat(new byte[] {0x01}, t);
            }
            case 0x40 -> {
                if (!present) {
                    yield new byte[] {0x01};
                }
                yield Hex.concat(new byte[] {0x00}, phone.apply(Arrays.copyOfRange(p, 1, p.length)));
            }
            case 0x42 -> present ? Hex.bytes("00 A3") : new byte[] {0x01};
            case 0x44, 0x52, 0x16 -> new byte[] {0x00};
            default -> throw new AssertionError(String.format("unexpected command 0x%02X", code));
        };
    }

    @Override
    public Optional<Pn532Frame> read(int maxFrameLength, Duration timeout) {
        Pn532Frame f = out.poll();
        if (f == null) {
            time.advance(timeout);
        }
        return Optional.ofNullable(f);
    }

    @Override
    public void discardInput() {
        out.clear();
    }

    @Override
    public String describe() {
        return "fake";
    }

    @Override
    public void close() {
        closed = true;
    }
}
