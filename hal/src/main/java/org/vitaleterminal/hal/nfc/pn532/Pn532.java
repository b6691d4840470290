package org.vitaleterminal.hal.nfc.pn532;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcTarget;
import org.vitaleterminal.hal.nfc.ReaderFailureException;
import org.vitaleterminal.hal.nfc.ResponseTooLargeException;

/**
 * The PN532 command layer: one method per command the reader needs, over any
 * {@link Pn532Transport}. Every command is the same dialog (UM §6.2): write the command frame,
 * read the ACK, read the response (TFI D5, code + 1). This class makes that dialog robust:
 *
 * <ul>
 *   <li>a response that arrives without its ACK is accepted (the ACK was lost, the answer was not);
 *   <li>a response to another command (a late answer to an aborted one) is dropped, and reading
 *       goes on until the deadline;
 *   <li>a corrupt response is asked for again with a NACK, a bounded number of times;
 *   <li>the syntax-error frame, in place of the ACK or after it, fails the command clearly;
 *   <li>when the chip stays silent past a deadline, the host writes an ACK, which aborts the
 *       pending command ("ACK-abort rule", used by libnfc, nfcpy and the kernel), drops what
 *       arrived, and fails the command. The chip is then idle and ready for the next command.
 * </ul>
 *
 * Failures are {@link ReaderFailureException} (transport error, silence, protocol violation:
 * the reader re-initialises the chip) or {@link org.vitaleterminal.hal.nfc.TargetLostException}
 * (an RF error status: the phone left). Not thread-safe: the reader above serialises calls.
 */
public final class Pn532 {
    /** Data bytes per InDataExchange frame, each way (265 frame bytes minus TFI, code, Tg/status). */
    public static final int MAX_EXCHANGE_DATA = 262;
    /** Bit 6 of the Tg byte (host has more to send) and of the status byte (chip has more). */
    static final int MORE_INFORMATION = 0x40;
    private static final int NAD_PRESENT = 0x80;
    /** Answer room for InListPassiveTarget with MaxTg 1: a 10-byte UID and a generous ATS. */
    private static final int LIST_ANSWER_ROOM = 64;
    /** libnfc allows SAMConfiguration 1 s right after a wake-up. */
    private static final Duration WAKE_UP_COMMAND_TIMEOUT = Duration.ofSeconds(1);
    /** nfcpy pauses 1 ms after an abort ACK before talking to the chip again. */
    private static final Duration ABORT_PAUSE = Duration.ofMillis(1);

    private final Pn532Transport transport;
    private final Pn532Config config;
    private final TimeSource time;
    private boolean awake;

    public Pn532(Pn532Transport transport, Pn532Config config) {
        this.transport = transport;
        this.config = config;
        this.time = config.time();
    }

    // ---------------------------------------------------------------------------------------
    // Commands

    /**
     * Wakes the chip (transport-specific: the UART preamble, an SPI chip-select pulse) and puts
     * it in normal mode: a PN532 starts in low-battery mode and SAMConfiguration must be the first
     * command after a wake-up. {@code 14 01} is libnfc's form; the timeout and IRQ parameters
     * only matter in virtual-card mode and with the P70_IRQ line, neither of which is used.
     */
    public void wakeUpAndConfigureSam() throws NfcException {
        try {
            transport.wakeUp();
        } catch (IOException e) {
            throw new ReaderFailureException(
                    "PN532 wake-up failed on " + transport.describe() + ": " + e.getMessage(), e);
        }
        awake = true;
        call(Pn532Commands.SAM_CONFIGURATION, new byte[] {0x01}, WAKE_UP_COMMAND_TIMEOUT, 0);
    }

    public FirmwareVersion getFirmwareVersion() throws NfcException {
        byte[] r = call(Pn532Commands.GET_FIRMWARE_VERSION, new byte[0], config.commandTimeout(), 4);
        if (r.length < 4) {
            // a PN531 answers two bytes; nothing this driver can use
            throw protocol("GetFirmwareVersion answered " + r.length + " bytes instead of 4");
        }
        return new FirmwareVersion(r[0] & 0xFF, r[1] & 0xFF, r[2] & 0xFF, r[3] & 0xFF);
    }

    /** SetParameters: the flags byte (0x10 automatic RATS, 0x04 automatic ATR_RES, ...). */
    public void setParameters(int flags) throws NfcException {
        call(Pn532Commands.SET_PARAMETERS, new byte[] {(byte) flags}, config.commandTimeout(), 0);
    }

    /** RFConfiguration item 1: the RF field on or off (AutoRFCA off). */
    public void rfField(boolean on) throws NfcException {
        rfConfiguration(0x01, on ? 0x01 : 0x00);
    }

    /**
     * RFConfiguration item 5: retries of ATR_REQ, PSL_REQ and passive activation (0 = one try,
     * 0xFF = forever).
     */
    public void maxRetries(int atr, int psl, int passiveActivation) throws NfcException {
        rfConfiguration(0x05, atr, psl, passiveActivation);
    }

    /**
     * RFConfiguration item 2: the ATR_RES timeout and the timeout of non-DEP exchanges
     * (InCommunicateThru), each as code n = 100 µs × 2^(n-1); 0x0B = 102.4 ms, 0x0A = 51.2 ms.
     */
    public void timings(int atrResTimeout, int nonDepTimeout) throws NfcException {
        rfConfiguration(0x02, 0x00, atrResTimeout, nonDepTimeout);
    }

    public void rfConfiguration(int item, int... values) throws NfcException {
        byte[] params = new byte[1 + values.length];
        params[0] = (byte) item;
        for (int i = 0; i < values.length; i++) {
            params[i + 1] = (byte) values[i];
        }
        call(Pn532Commands.RF_CONFIGURATION, params, config.commandTimeout(), 0);
    }

    /**
     * InListPassiveTarget, one target (MaxTg 1), 106 kbps type A. With automatic RATS the chip
     * activates ISO-DEP itself and the answer carries the ATS.
     *
     * @return the target, or empty when none answered within the chip's retries
     */
    public Optional<NfcTarget> inListPassiveTarget() throws NfcException {
        byte[] r = call(Pn532Commands.IN_LIST_PASSIVE_TARGET, new byte[] {0x01, 0x00}, config.listTimeout(),
                LIST_ANSWER_ROOM);
        return TargetData106A.parse(r);
    }

    /**
     * InDataExchange with MI chaining both ways: data longer than {@value #MAX_EXCHANGE_DATA}
     * bytes goes in pieces with bit 0x40 set in the Tg byte of all but the last; while the chip
     * sets bit 0x40 in its status, the rest is fetched with {@code 40 Tg} and joined.
     *
     * @param maxResponse the most bytes accepted back (memory bound)
     * @throws ResponseTooLargeException when the joined answer exceeds {@code maxResponse}
     */
    public byte[] inDataExchange(int tg, byte[] data, int maxResponse) throws NfcException {
        String command = Pn532Commands.name(Pn532Commands.IN_DATA_EXCHANGE);
        int offset = 0;
        byte[] answer;
        do {
            int n = Math.min(MAX_EXCHANGE_DATA, data.length - offset);
            boolean more = offset + n < data.length;
            byte[] params = new byte[1 + n];
            params[0] = (byte) (tg | (more ? MORE_INFORMATION : 0));
            System.arraycopy(data, offset, params, 1, n);
            answer = call(Pn532Commands.IN_DATA_EXCHANGE, params, config.exchangeTimeout(), 1 + MAX_EXCHANGE_DATA);
            checkStatus(command, answer);
            offset += n;
            if (more && (answer.length > 1 || (answer[0] & MORE_INFORMATION) != 0)) {
                throw protocol("InDataExchange answered before the chained command was complete");
            }
        } while (offset < data.length);

        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        append(joined, answer, maxResponse);
        while ((answer[0] & MORE_INFORMATION) != 0) {
            if (answer.length == 1) {
                // bounds the loop: every chained piece must move the answer forward
                throw protocol("InDataExchange announced more data but sent none");
            }
            answer = call(Pn532Commands.IN_DATA_EXCHANGE, new byte[] {(byte) tg}, config.exchangeTimeout(),
                    1 + MAX_EXCHANGE_DATA);
            checkStatus(command, answer);
            append(joined, answer, maxResponse);
        }
        return joined.toByteArray();
    }

    /**
     * InCommunicateThru: one raw frame to the selected target, no ISO-DEP wrapping (the chip
     * adds the CRC); used for the R(NAK) presence check.
     */
    public byte[] inCommunicateThru(byte[] data) throws NfcException {
        byte[] answer = call(Pn532Commands.IN_COMMUNICATE_THRU, data, config.commandTimeout(), 1 + MAX_EXCHANGE_DATA);
        checkStatus(Pn532Commands.name(Pn532Commands.IN_COMMUNICATE_THRU), answer);
        return Arrays.copyOfRange(answer, 1, answer.length);
    }

    /** InRelease: ends the session with target {@code tg} (0 = all). Returns the status byte. */
    public int inRelease(int tg) throws NfcException {
        return statusOf(Pn532Commands.IN_RELEASE, tg);
    }

    /** InDeselect: deselects target {@code tg} (0 = all), keeping it known. Returns the status byte. */
    public int inDeselect(int tg) throws NfcException {
        return statusOf(Pn532Commands.IN_DESELECT, tg);
    }

    /**
     * PowerDown with the given wake-up sources (bit 3 RF, 4 HSU, 5 SPI, 7 I2C...). The next
     * command wakes the chip first (see {@link #wakeUpAndConfigureSam()}: after a power-down the
     * transport's wake-up is enough, but SAMConfiguration does no harm).
     *
     * @return the status byte (0 = ok)
     */
    public int powerDown(int wakeUpEnable, boolean generateIrq) throws NfcException {
        byte[] r = call(Pn532Commands.POWER_DOWN, new byte[] {(byte) wakeUpEnable, (byte) (generateIrq ? 1 : 0)},
                config.commandTimeout(), 1);
        if (r.length < 1) {
            throw protocol("PowerDown answered without a status byte");
        }
        awake = false;
        return r[0] & 0xFF;
    }

    /** Diagnose: test number and parameters; returns what follows the response code. */
    public byte[] diagnose(int test, byte[] parameters) throws NfcException {
        byte[] params = new byte[1 + parameters.length];
        params[0] = (byte) test;
        System.arraycopy(parameters, 0, params, 1, parameters.length);
        return call(Pn532Commands.DIAGNOSE, params, config.commandTimeout(), params.length);
    }

    /** Diagnose test 0, the communication line test: the chip must echo the test number and data. */
    public void communicationLineTest(byte[] data) throws NfcException {
        byte[] echo = diagnose(0x00, data);
        byte[] expected = new byte[1 + data.length];
        System.arraycopy(data, 0, expected, 1, data.length);
        if (!Arrays.equals(echo, expected)) {
            throw protocol("the communication line test did not echo its " + data.length + " bytes");
        }
    }

    // ---------------------------------------------------------------------------------------
    // The dialog

    /**
     * Sends command {@code code} with {@code params} and returns what follows the response code.
     *
     * @param timeout            how long the chip may work after its ACK
     * @param maxResponseData    the most bytes expected after the response code (I2C and SPI
     *                           read a fixed number of bytes; a longer frame would come back cut)
     */
    public byte[] call(int code, byte[] params, Duration timeout, int maxResponseData) throws NfcException {
        byte[] codeAndParams = new byte[1 + params.length];
        codeAndParams[0] = (byte) code;
        System.arraycopy(params, 0, codeAndParams, 1, params.length);
        byte[] frame = Pn532Frames.hostCommand(codeAndParams);
        String name = Pn532Commands.name(code);
        try {
            if (!awake) {
                // the first frame after open or PowerDown must be preceded by the wake-up
                transport.wakeUp();
                awake = true;
            }
            transport.write(frame);
            // two bytes of room for a longer preamble, which the user manual allows
            int responseData = Math.min(Pn532Frames.MAX_FRAME_DATA - 1, 1 + maxResponseData);
            int responseFrame = Pn532Frames.frameLength(responseData) + 2;
            return awaitResponse(code, name, timeout, responseFrame);
        } catch (IOException e) {
            ReaderFailureException failure = new ReaderFailureException(
                    "PN532 " + name + " failed on " + transport.describe() + ": " + e.getMessage(), e);
            abort(failure);
            throw failure;
        }
    }

    private byte[] awaitResponse(int code, String name, Duration timeout, int responseFrameLength)
            throws IOException, ReaderFailureException {
        Deadline deadline = Deadline.after(time, config.ackTimeout());
        boolean acknowledged = false;
        int nacks = 0;
        while (true) {
            Optional<Pn532Frame> read = transport.read(
                    acknowledged ? responseFrameLength : Pn532Frames.ACK_LENGTH, deadline.remaining());
            if (read.isEmpty()) {
                if (!deadline.passed()) {
                    continue;
                }
                ReaderFailureException failure = new ReaderFailureException(acknowledged
                        ? "PN532 did not answer " + name + " within " + timeout.toMillis() + " ms"
                        : "PN532 did not acknowledge " + name + " within " + config.ackTimeout().toMillis() + " ms");
                abort(failure);
                throw failure;
            }
            switch (read.get()) {
                case Pn532Frame.Ack ack -> {
                    if (!acknowledged) {
                        acknowledged = true;
                        deadline = Deadline.after(time, timeout);
                    }
                }
                case Pn532Frame.Information info -> {
                    if (info.tfi() == Pn532Frames.TFI_CHIP && info.code() == code + 1) {
                        byte[] data = info.data();
                        return Arrays.copyOfRange(data, 1, data.length);
                    }
                    // a late answer to an earlier, aborted command (or an echo): not ours
                }
                case Pn532Frame.ApplicationError error -> {
                    transport.discardInput();
                    throw new ReaderFailureException("PN532 rejected " + name + " with its syntax-error frame "
                            + (acknowledged ? "after acknowledging it" : "instead of an ACK"));
                }
                case Pn532Frame.Nack nack -> {
                    // only the host sends NACKs; an echo or noise, ignore it
                }
                case Pn532Frame.Corrupt corrupt -> {
                    if (!acknowledged) {
                        // most likely the ACK itself, damaged: the chip is alive and working
                        acknowledged = true;
                        deadline = Deadline.after(time, timeout);
                    } else if (nacks < config.nackRetries()) {
                        nacks++;
                        transport.discardInput();
                        transport.write(Pn532Frames.nack());
                        deadline = deadline.atLeast(config.ackTimeout());
                    } else {
                        ReaderFailureException failure = new ReaderFailureException("PN532 answer to " + name
                                + " still corrupt (" + corrupt.problem() + ") after " + nacks + " NACKs");
                        abort(failure);
                        throw failure;
                    }
                }
            }
        }
    }

    /**
     * The ACK-abort rule: stop whatever the chip is doing, then drop what it sent meanwhile. Also
     * how the reader starts over after a failure, when a command may still be running.
     */
    void abortPending() throws IOException {
        transport.write(Pn532Frames.ack());
        time.sleep(ABORT_PAUSE);
        transport.discardInput();
    }

    /** {@link #abortPending()} on the way out of a failed command: its own failure goes with {@code cause}. */
    private void abort(Exception cause) {
        try {
            abortPending();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    // ---------------------------------------------------------------------------------------

    private int statusOf(int code, int tg) throws NfcException {
        byte[] r = call(code, new byte[] {(byte) tg}, config.commandTimeout(), 1);
        if (r.length < 1) {
            throw protocol(Pn532Commands.name(code) + " answered without a status byte");
        }
        return r[0] & 0xFF;
    }

    private static void checkStatus(String command, byte[] answer) throws NfcException {
        if (answer.length < 1) {
            throw protocol(command + " answered without a status byte");
        }
        int status = answer[0] & 0xFF;
        if ((status & NAD_PRESENT) != 0) {
            // the driver never enables NAD (HCE forbids it); a NAD byte would corrupt the data
            throw protocol(command + " answered with a NAD, which was never enabled");
        }
        if ((status & 0x3F) != 0) {
            throw Pn532Status.failure(command, status);
        }
    }

    private static void append(ByteArrayOutputStream joined, byte[] answer, int maxResponse)
            throws ResponseTooLargeException {
        int n = answer.length - 1;
        if (joined.size() + n > maxResponse) {
            throw new ResponseTooLargeException(maxResponse);
        }
        joined.write(answer, 1, n);
    }

    private static ReaderFailureException protocol(String message) {
        return new ReaderFailureException("PN532 protocol violation: " + message);
    }
}
