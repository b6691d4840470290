package org.vitaleterminal.sim.nfc.chip;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.vitaleterminal.sim.nfc.NanoClock;
import org.vitaleterminal.sim.nfc.fault.Fault;
import org.vitaleterminal.sim.nfc.fault.FaultInjector;
import org.vitaleterminal.sim.nfc.frame.HostFrame;
import org.vitaleterminal.sim.nfc.frame.HostFrameParser;
import org.vitaleterminal.sim.nfc.frame.Pn532Frames;
import org.vitaleterminal.sim.nfc.phone.Phone;

/**
 * A model of the NXP PN532 (firmware 1.6) as its host sees it: bytes in, bytes out, on a clock.
 *
 * <p>Host bytes go to {@link #receive}; the chip parses frames out of them (skipping noise),
 * answers each command frame with an ACK and later a response frame, each scheduled on the
 * {@link NanoClock}. The transports take what is due: the HSU pseudo-terminal as one byte
 * stream ({@link #takeReadyBytes}), I2C and SPI one transmission (ACK or response, each its own
 * "ready" event) at a time ({@link #readyTransmission}, {@link #consumeTransmission}).
 *
 * <p>Protocol rules modelled: a host ACK aborts the running command and drops any unread output;
 * a host NACK resends the last response; a new command supersedes an unfinished one; a frame with
 * a bad LCS or DCS, a TFI other than D4 or more than 265 bytes is dropped without an answer; a
 * parameter list of the wrong shape or an unknown command gets ACK then the application error
 * frame. The chip starts asleep in LowVbat (see {@link PowerState}).
 *
 * <p>Phones are placed in and removed from the RF field at any time, from any thread; all public
 * methods are synchronized.
 */
public final class VirtualPn532 {
    public static final int DIAGNOSE = 0x00;
    public static final int GET_FIRMWARE_VERSION = 0x02;
    public static final int GET_GENERAL_STATUS = 0x04;
    public static final int READ_REGISTER = 0x06;
    public static final int WRITE_REGISTER = 0x08;
    public static final int READ_GPIO = 0x0C;
    public static final int WRITE_GPIO = 0x0E;
    public static final int SET_SERIAL_BAUDRATE = 0x10;
    public static final int SET_PARAMETERS = 0x12;
    public static final int SAM_CONFIGURATION = 0x14;
    public static final int POWER_DOWN = 0x16;
    public static final int RF_CONFIGURATION = 0x32;
    public static final int IN_DATA_EXCHANGE = 0x40;
    public static final int IN_COMMUNICATE_THRU = 0x42;
    public static final int IN_DESELECT = 0x44;
    public static final int IN_LIST_PASSIVE_TARGET = 0x4A;
    public static final int IN_RELEASE = 0x52;
    public static final int IN_SELECT = 0x54;

    private final NanoClock clock;
    private final Pn532Timing timing;
    private final Consumer<String> trace;
    private final FaultInjector faults = new FaultInjector();
    private final HostFrameParser parser = new HostFrameParser();
    private final ChipSettings settings = new ChipSettings();
    private final RegisterFile registers = new RegisterFile();
    private final RfField field = new RfField();
    private final Power power;
    private final Initiator initiator;
    private final LocalCommands local;
    private final Deque<Transmission> output = new ArrayDeque<>();
    private Active active;
    private byte[] lastResponse;
    private long commands;
    private long rejectedFrames;

    /** Bytes the chip puts on the link at {@code readyAt}: an ACK or a response, with any garbage. */
    public record Transmission(long readyAt, byte[] bytes) {
        public Transmission {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    private record Active(int code, Pending pending, List<Fault> faults) {}

    private VirtualPn532(Builder b) {
        this.clock = b.clock;
        this.timing = b.timing;
        this.trace = b.trace;
        this.power = new Power(b.hsuWakeLostBytes);
        this.initiator = new Initiator(field, settings, registers, timing);
        this.local = new LocalCommands(settings, registers, field, initiator, power);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where faults for this chip's output are set up. */
    public FaultInjector faults() {
        return faults;
    }

    public NanoClock clock() {
        return clock;
    }

    // The host link ------------------------------------------------------------------------------

    /** Bytes from the host, arrived now on {@code link}. */
    public synchronized void receive(byte[] bytes, HostLink link) {
        long now = clock.nanoTime();
        advance(now);
        int lost = power.lostOnArrival(link, bytes.length);
        if (lost > 0) {
            trace.accept("asleep/waking: " + lost + " byte(s) lost");
        }
        if (lost == bytes.length) {
            return;
        }
        for (HostFrame frame : parser.feed(bytes, lost, bytes.length - lost)) {
            handle(frame, now);
            advance(now);
        }
    }

    /**
     * A wake-up condition without data (SPI chip select, I2C address): the chip wakes if the link
     * is an enabled wake-up source; returns whether it is awake.
     */
    public synchronized boolean wake(HostLink link) {
        return power.wakeBy(link);
    }

    /** Everything due by now, as one byte stream (HSU). */
    public synchronized byte[] takeReadyBytes() {
        long now = clock.nanoTime();
        advance(now);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!output.isEmpty() && output.peekFirst().readyAt() <= now) {
            out.writeBytes(output.pollFirst().bytes);
        }
        return out.toByteArray();
    }

    /** The next transmission if it is due (I2C/SPI "ready"); not consumed. */
    public synchronized Optional<byte[]> readyTransmission() {
        long now = clock.nanoTime();
        advance(now);
        Transmission head = output.peekFirst();
        return head != null && head.readyAt() <= now ? Optional.of(head.bytes) : Optional.empty();
    }

    /** Drops the transmission {@link #readyTransmission} returned: the host has read it. */
    public synchronized void consumeTransmission() {
        long now = clock.nanoTime();
        Transmission head = output.peekFirst();
        if (head != null && head.readyAt() <= now) {
            output.pollFirst();
        }
    }

    /** When something next happens on the chip's side (output due, command finishing); MAX_VALUE if never. */
    public synchronized long nextEventNanos() {
        long next = Long.MAX_VALUE;
        if (!output.isEmpty()) {
            next = output.peekFirst().readyAt();
        }
        if (active != null) {
            next = Math.min(next, active.pending().dueAt());
        }
        return next;
    }

    // The RF field -------------------------------------------------------------------------------

    /** Puts a phone on the reader (replacing any other); it powers up when the field is on. */
    public synchronized void placePhone(Phone phone) {
        Objects.requireNonNull(phone, "phone");
        long now = clock.nanoTime();
        advance(now);
        field.place(phone);
        trace.accept("phone placed: " + phone);
        fieldChanged(now);
    }

    /** Takes the phone away, at any moment (also in the middle of an exchange). */
    public synchronized void removePhone() {
        long now = clock.nanoTime();
        advance(now);
        field.remove();
        trace.accept("phone removed");
        fieldChanged(now);
    }

    public synchronized Optional<Phone> phoneInField() {
        advance(clock.nanoTime());
        return Optional.ofNullable(field.phone());
    }

    /** The UID of the phone's current tap (present and powered), if any. */
    public synchronized Optional<byte[]> currentUid() {
        advance(clock.nanoTime());
        Tap tap = field.tap();
        return tap == null ? Optional.empty() : Optional.of(tap.uid.clone());
    }

    /** The UID the last InListPassiveTarget reported, even after the tap ended. */
    public synchronized Optional<byte[]> lastActivatedUid() {
        advance(clock.nanoTime());
        return Optional.ofNullable(initiator.lastActivatedUid());
    }

    public synchronized boolean rfFieldOn() {
        advance(clock.nanoTime());
        return field.on();
    }

    // State for tests and diagnostics -----------------------------------------------------------

    public synchronized PowerState powerState() {
        advance(clock.nanoTime());
        return power.state();
    }

    public synchronized boolean asleep() {
        advance(clock.nanoTime());
        return power.asleep();
    }

    /** Whether a command is between its ACK and its response. */
    public synchronized boolean commandPending() {
        advance(clock.nanoTime());
        return active != null;
    }

    /** The HSU rate in effect (SetSerialBaudrate applies after the host's ACK). */
    public synchronized int serialBaudRate() {
        return ChipSettings.BAUD_RATES[settings.baudIndex];
    }

    public synchronized int register(int address) {
        return registers.read(address);
    }

    public synchronized long commandsAccepted() {
        return commands;
    }

    public synchronized long framesRejected() {
        return rejectedFrames;
    }

    // Internals ----------------------------------------------------------------------------------

    private void fieldChanged(long now) {
        if (active != null) {
            active.pending().fieldChanged(now);
        }
        advance(now);
    }

    private void handle(HostFrame frame, long now) {
        if (power.asleep()) {
            trace.accept("asleep: frame ignored");
            return;
        }
        switch (frame) {
            case HostFrame.Ack ack -> abort();
            case HostFrame.Nack nack -> {
                if (active == null && lastResponse != null) {
                    trace.accept("NACK: last response sent again");
                    output.addLast(new Transmission(now, lastResponse));
                }
            }
            case HostFrame.Rejected rejected -> {
                rejectedFrames++;
                trace.accept("frame dropped: " + rejected.reason());
            }
            case HostFrame.Command command -> accept(command.data(), now);
        }
    }

    /** Host ACK: abort whatever runs, forget unread output; confirms a pending baud-rate change. */
    private void abort() {
        if (active != null) {
            trace.accept(String.format("ACK: command %02X aborted", active.code()));
        }
        active = null;
        output.clear();
        if (settings.pendingBaudIndex >= 0) {
            settings.baudIndex = settings.pendingBaudIndex;
            settings.pendingBaudIndex = -1;
        }
    }

    private void accept(byte[] data, long now) {
        commands++;
        int code = data.length == 0 ? -1 : data[0] & 0xFF;
        trace.accept(String.format("command %02X (%d bytes)", code, data.length));
        if (active != null) {
            trace.accept(String.format("command %02X superseded", active.code()));
        }
        active = null;
        output.clear();
        lastResponse = null;
        List<Fault> planned = faults.faultsFor(code);
        long ackAt = now + timing.ack().toNanos();
        if (planned.stream().noneMatch(f -> f instanceof Fault.DropAck)) {
            ByteArrayOutputStream ack = new ByteArrayOutputStream();
            for (Fault f : planned) {
                if (f instanceof Fault.GarbageBeforeAck g) {
                    ack.writeBytes(g.bytes());
                }
            }
            ack.writeBytes(Pn532Frames.ack());
            output.addLast(new Transmission(ackAt, ack.toByteArray()));
        }
        Pending pending = dispatch(data, ackAt);
        for (Fault f : planned) {
            if (f instanceof Fault.Zombie) {
                pending = Pending.at(Pending.NEVER, Reply.syntaxError());
            } else if (f instanceof Fault.Delay d) {
                pending = delayed(pending, d.delay().toNanos());
            }
        }
        active = new Active(code, pending, planned);
    }

    private Pending dispatch(byte[] cmd, long start) {
        long done = start + timing.localCommand().toNanos();
        if (cmd.length == 0) {
            return Pending.at(done, Reply.syntaxError());
        }
        return switch (cmd[0] & 0xFF) {
            case DIAGNOSE -> Pending.at(done, local.diagnose(cmd));
            case GET_FIRMWARE_VERSION -> Pending.at(done, local.firmwareVersion(cmd));
            case GET_GENERAL_STATUS -> Pending.at(done, local.generalStatus(cmd));
            case READ_REGISTER -> Pending.at(done, local.readRegister(cmd));
            case WRITE_REGISTER -> Pending.at(done, local.writeRegister(cmd));
            case READ_GPIO -> Pending.at(done, local.readGpio(cmd));
            case WRITE_GPIO -> Pending.at(done, local.writeGpio(cmd));
            case SET_SERIAL_BAUDRATE -> Pending.at(done, local.setSerialBaudrate(cmd));
            case SET_PARAMETERS -> Pending.at(done, local.setParameters(cmd));
            case SAM_CONFIGURATION -> Pending.at(done, local.samConfiguration(cmd));
            case POWER_DOWN -> Pending.at(done, local.powerDown(cmd));
            case RF_CONFIGURATION -> Pending.at(done, local.rfConfiguration(cmd));
            case IN_LIST_PASSIVE_TARGET -> initiator.listPassiveTarget(cmd, start);
            case IN_DATA_EXCHANGE -> initiator.dataExchange(cmd, start);
            case IN_COMMUNICATE_THRU -> initiator.communicateThru(cmd, start);
            case IN_DESELECT -> initiator.deselect(cmd, start);
            case IN_RELEASE -> initiator.release(cmd, start);
            case IN_SELECT -> initiator.select(cmd, start);
            default -> Pending.at(done, Reply.syntaxError()); // unknown or unmodelled command
        };
    }

    private static Pending delayed(Pending inner, long delay) {
        return new Pending() {
            @Override
            public long dueAt() {
                return Pending.plus(inner.dueAt(), delay);
            }

            @Override
            public void fieldChanged(long now) {
                inner.fieldChanged(now);
            }

            @Override
            public Reply complete(long now) {
                return inner.complete(now);
            }
        };
    }

    /** Completes the running command if its time has come and queues its response. */
    private void advance(long now) {
        while (active != null && active.pending().dueAt() <= now) {
            Active done = active;
            active = null;
            long at = done.pending().dueAt();
            Reply reply = done.pending().complete(at);
            byte[] clean = reply.isError() ? Pn532Frames.applicationError() : Pn532Frames.response(reply.data());
            lastResponse = clean;
            output.addLast(new Transmission(at, FaultShaper.shape(clean, done.faults())));
            reply.afterSending().run();
            power.afterCommand();
            if (power.asleep()) {
                parser.reset();
                trace.accept("asleep");
            }
        }
    }

    public static final class Builder {
        private NanoClock clock = NanoClock.system();
        private Pn532Timing timing = Pn532Timing.realistic();
        private Consumer<String> trace = line -> { };
        private int hsuWakeLostBytes = 2;

        public Builder clock(NanoClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder timing(Pn532Timing timing) {
            this.timing = Objects.requireNonNull(timing, "timing");
            return this;
        }

        /** Receives one line per notable event (commands, dropped frames, sleep), for diagnostics. */
        public Builder trace(Consumer<String> trace) {
            this.trace = Objects.requireNonNull(trace, "trace");
            return this;
        }

        /** HSU bytes lost after the one that wakes the chip (default 2). */
        public Builder hsuWakeLostBytes(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("n " + n);
            }
            this.hsuWakeLostBytes = n;
            return this;
        }

        public VirtualPn532 build() {
            return new VirtualPn532(this);
        }
    }
}
