package org.vitaleterminal.hal.nfc.pn532;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcReader;
import org.vitaleterminal.hal.nfc.NfcTarget;
import org.vitaleterminal.hal.nfc.ReaderFailureException;
import org.vitaleterminal.hal.nfc.ResponseApdu;
import org.vitaleterminal.hal.nfc.ResponseTooLargeException;
import org.vitaleterminal.hal.nfc.TargetLostException;

/**
 * An {@link NfcReader} on a PN532 acting as ISO-DEP initiator, with the chip's own ISO 14443-4
 * layer doing RATS, block numbering, chaining and waiting-time extensions.
 *
 * <p><b>Initialisation</b> ({@link #initialise()}, done by {@link Pn532Readers} and again after
 * any failure): wake-up and SAMConfiguration normal mode, GetFirmwareVersion (the IC must be
 * 0x32), SetParameters 0x10, bounded MaxRetries so that InListPassiveTarget returns instead of
 * waiting for a card forever, the default RF timings, then the RF field off and on again so that
 * a phone left on the reader restarts its ISO-DEP session.
 *
 * <p><b>SetParameters 0x10, not libnfc's 0x14.</b> 0x10 is automatic RATS: the chip activates
 * ISO-DEP and wraps InDataExchange data in I-blocks, which is what reading a phone needs. 0x04
 * (automatic ATR_RES) only concerns the chip answering ATR_REQ when it is itself an NFC-DEP target,
 * which this reader never is; NAD/DID (0x01, 0x02) stay off because HCE must not use NAD; PICC
 * emulation (0x20) and no pre/postamble (0x40) would change the chip's role and framing.
 *
 * <p><b>Recovery.</b> After a transport error, a silent chip or a protocol violation (any
 * {@link ReaderFailureException}) the reader marks itself for re-initialisation and does it at
 * the start of the next call; the target of the failed session is then gone
 * ({@link TargetLostException}). Calls are serialised; the reader starts no thread, and every
 * call is bounded by its timeout plus the command timeouts of {@link Pn532Config}.
 *
 * <p>Only ISO-DEP targets are returned: SAK bit 0x20 and an ATS (with automatic RATS the chip
 * sends RATS to every such target; no ATS means activation failed and InDataExchange would not
 * speak ISO-DEP to it). Other targets are released and skipped.
 */
public final class Pn532NfcReader implements NfcReader {
    /** SetParameters flags: automatic RATS only (see the class comment). */
    static final int PARAMETERS = 0x10;
    /** MxRtyATR, MxRtyPSL: NFC-DEP activation is not used; the kernel driver's values. */
    private static final int ATR_RETRIES = 0x02;
    private static final int PSL_RETRIES = 0x01;
    /** ATR_RES timeout 102.4 ms, non-DEP timeout 51.2 ms: the chip's documented defaults, made explicit. */
    private static final int ATR_RES_TIMEOUT = 0x0B;
    private static final int NON_DEP_TIMEOUT = 0x0A;
    /** R(NAK) with block number 0: any answer (R(ACK) or the last I-block again) proves presence. */
    private static final byte R_NAK = (byte) 0xB2;
    private static final int PRESENCE_ATTEMPTS = 2;
    /** An extended APDU at most: header, Lc (3), data, Le (2); sent in MI-chained pieces. */
    private static final int MAX_COMMAND_APDU = 4 + 3 + 65535 + 2;

    private final Pn532Transport transport;
    private final Pn532 chip;
    private final Pn532Config config;
    private final String name;

    private boolean needsInit = true;
    private boolean failedBefore;
    private boolean closed;
    /** Set by close() before it waits for the lock, so that a long poll ends early. */
    private volatile boolean closeRequested;
    private volatile FirmwareVersion firmware;
    private NfcTarget active;

    /**
     * A reader over any transport; nothing is sent until {@link #initialise()} or the first call.
     *
     * @param name what {@link #describe()} says the reader is on, e.g. the URI it was opened from
     */
    public Pn532NfcReader(Pn532Transport transport, Pn532Config config, String name) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.config = Objects.requireNonNull(config, "config");
        this.name = Objects.requireNonNull(name, "name");
        this.chip = new Pn532(transport, config);
    }

    /** Brings the chip to a known state; see the class comment for the sequence. */
    public synchronized void initialise() throws NfcException {
        ensureOpen();
        active = null;
        needsInit = true;
        try {
            transport.discardInput();
            if (failedBefore) {
                // the chip may still be busy with the command that failed: abort it first
                chip.abortPending();
            }
        } catch (IOException e) {
            failedBefore = true;
            throw new ReaderFailureException("PN532 on " + name + " cannot be reset: " + e.getMessage(), e);
        }
        try {
            chip.wakeUpAndConfigureSam();
            FirmwareVersion version = chip.getFirmwareVersion();
            if (!version.isPn532()) {
                throw new ReaderFailureException("not a PN532 on " + name + ": " + version);
            }
            chip.setParameters(PARAMETERS);
            chip.maxRetries(ATR_RETRIES, PSL_RETRIES, config.passiveActivationRetries());
            chip.timings(ATR_RES_TIMEOUT, NON_DEP_TIMEOUT);
            chip.rfField(false);
            config.time().sleep(config.fieldResetPause());
            chip.rfField(true);
            firmware = version;
            needsInit = false;
            failedBefore = false;
        } catch (NfcException e) {
            failedBefore = true;
            throw e instanceof ReaderFailureException rf ? rf
                    : new ReaderFailureException("PN532 on " + name + " failed to initialise: " + e.getMessage(), e);
        } catch (IOException e) {
            failedBefore = true;
            throw new ReaderFailureException("PN532 on " + name + " failed to initialise: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<NfcTarget> poll(Duration timeout) throws NfcException {
        Objects.requireNonNull(timeout, "timeout");
        ready();
        Deadline deadline = Deadline.after(config.time(), timeout);
        try {
            if (active != null) {
                // the caller forgot release(): end that session before looking for a new one
                NfcTarget previous = active;
                active = null;
                chip.inRelease(previous.number());
            }
            while (true) {
                Optional<NfcTarget> found = chip.inListPassiveTarget();
                if (found.isPresent()) {
                    NfcTarget target = found.get();
                    if (target.isoDep() && target.ats().length > 0) {
                        active = target;
                        return found;
                    }
                    chip.inRelease(target.number());
                }
                if (deadline.passed() || closeRequested) {
                    return Optional.empty();
                }
                Duration left = deadline.remaining();
                config.time().sleep(left.compareTo(config.pollPause()) < 0 ? left : config.pollPause());
            }
        } catch (ReaderFailureException e) {
            throw failed(e);
        } catch (IOException e) {
            throw failed(new ReaderFailureException("interrupted while polling on " + name, e));
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each {@code 61 XX} is followed by {@code 00 C0 00 00 XX} (XX = 00 asks for 256) and the
     * data joined; the status word returned is the last one. A GET RESPONSE that brings no data but
     * another {@code 61 XX} ends the joining: that status word is returned as it is, for the caller
     * to judge, rather than looping.
     */
    @Override
    public synchronized ResponseApdu transmit(NfcTarget target, byte[] commandApdu, int maxResponseBytes)
            throws NfcException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(commandApdu, "commandApdu");
        if (commandApdu.length < 4 || commandApdu.length > MAX_COMMAND_APDU) {
            throw new IllegalArgumentException("a command APDU has 4.." + MAX_COMMAND_APDU + " bytes, not "
                    + commandApdu.length);
        }
        if (maxResponseBytes < 0) {
            throw new IllegalArgumentException("maxResponseBytes must not be negative");
        }
        if (needsInit) {
            ready();
            throw new TargetLostException("the reader was reset; the target's session is gone");
        }
        ensureOpen();
        if (!isActive(target)) {
            throw new TargetLostException("the target is no longer selected");
        }
        try {
            return exchange(target.number(), commandApdu, maxResponseBytes);
        } catch (ReaderFailureException e) {
            throw failed(e);
        }
    }

    private ResponseApdu exchange(int tg, byte[] commandApdu, int maxResponseBytes) throws NfcException {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        byte[] command = commandApdu;
        boolean getResponse = false;
        while (true) {
            int room = maxResponseBytes - joined.size();
            byte[] raw;
            try {
                raw = chip.inDataExchange(tg, command, (int) Math.min(Integer.MAX_VALUE, room + 2L));
            } catch (ResponseTooLargeException e) {
                throw new ResponseTooLargeException(maxResponseBytes);
            }
            if (raw.length < 2) {
                throw new TargetLostException("the target answered " + raw.length + " byte(s), not a response APDU");
            }
            int n = raw.length - 2;
            if (n > room) {
                throw new ResponseTooLargeException(maxResponseBytes);
            }
            joined.write(raw, 0, n);
            int sw1 = raw[n] & 0xFF;
            int sw2 = raw[n + 1] & 0xFF;
            if (sw1 != 0x61 || (getResponse && n == 0)) {
                return new ResponseApdu(joined.toByteArray(), (sw1 << 8) | sw2);
            }
            command = new byte[] {0x00, (byte) 0xC0, 0x00, 0x00, (byte) sw2};
            getResponse = true;
        }
    }

    /**
     * Whether the target still answers: an ISO-DEP R(NAK) sent raw with InCommunicateThru
     * (libnfc's PN532 presence check, two attempts). The phone's NFC controller answers it
     * without involving the app, and neither side's block number changes.
     */
    @Override
    public synchronized boolean isPresent(NfcTarget target) throws NfcException {
        Objects.requireNonNull(target, "target");
        ready();
        if (!isActive(target)) {
            return false;
        }
        try {
            for (int attempt = 0; attempt < PRESENCE_ATTEMPTS; attempt++) {
                try {
                    chip.inCommunicateThru(new byte[] {R_NAK});
                    return true;
                } catch (TargetLostException e) {
                    // no answer this time; try once more, as libnfc does
                }
            }
            return false;
        } catch (ReaderFailureException e) {
            throw failed(e);
        }
    }

    @Override
    public synchronized void release(NfcTarget target) {
        if (target == null || closed || !isActive(target)) {
            return;
        }
        active = null;
        if (needsInit) {
            return; // re-initialisation drops every session anyway
        }
        try {
            chip.inRelease(target.number());
        } catch (ReaderFailureException e) {
            failed(e);
        } catch (NfcException e) {
            // InRelease reports no RF status; nothing to do for the caller either way
        }
    }

    /** Not synchronised: status and log lines must not wait for a poll to end. */
    @Override
    public String describe() {
        return (firmware == null ? "PN532 (not initialised)" : firmware.toString()) + " on " + name;
    }

    /** The chip's version, known once initialised. */
    public Optional<FirmwareVersion> firmware() {
        return Optional.ofNullable(firmware);
    }

    /**
     * Releases the target, turns the RF field off (best effort) and closes the transport. A poll
     * running in another thread ends at its next round first.
     */
    @Override
    public void close() {
        closeRequested = true;
        closeNow();
    }

    private synchronized void closeNow() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!needsInit && active != null) {
                chip.inRelease(active.number());
            }
        } catch (NfcException | RuntimeException e) {
            // turning the field off below ends the session anyway
        }
        try {
            if (firmware != null) {
                // even after a failure: a field left on keeps draining power and waking phones
                chip.rfField(false);
            }
        } catch (NfcException | RuntimeException e) {
            // the chip is not answering: closing must still free the transport
        } finally {
            active = null;
            try {
                transport.close();
            } catch (RuntimeException e) {
                // never throw from close
            }
        }
    }

    // ---------------------------------------------------------------------------------------

    private void ready() throws NfcException {
        ensureOpen();
        if (needsInit) {
            initialise();
        }
    }

    private void ensureOpen() throws ReaderFailureException {
        if (closed) {
            throw new ReaderFailureException("the PN532 reader on " + name + " is closed");
        }
    }

    private boolean isActive(NfcTarget target) {
        return active != null && active.number() == target.number() && Arrays.equals(active.uid(), target.uid());
    }

    private ReaderFailureException failed(ReaderFailureException e) {
        needsInit = true;
        failedBefore = true;
        active = null;
        return e;
    }
}
