package org.vitaleterminal.sim.nfc.chip;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.vitaleterminal.sim.nfc.phone.Phone;

/**
 * The reader side of the RF field: InListPassiveTarget, InDataExchange, InCommunicateThru,
 * InDeselect, InRelease, InSelect. Answers are computed when the command arrives where the phone
 * acts then (it processes an APDU at once) and checked again when the response is due (a phone
 * gone by then has lost the answer with it).
 */
final class Initiator {
    /** Status codes (UM §7.1, table 13). */
    static final int OK = 0x00;
    static final int TIMEOUT = 0x01;
    static final int NOT_ACCEPTABLE = 0x27;
    static final int DISAPPEARED = 0x2B;
    static final int MI = 0x40;
    /** InDataExchange carries at most 262 data bytes each way (UM §7.3.8). */
    static final int MAX_DATA = 262;

    private final RfField field;
    private final ChipSettings settings;
    private final RegisterFile registers;
    private final Pn532Timing timing;
    private Target target;
    private byte[] lastActivatedUid;

    Initiator(RfField field, ChipSettings settings, RegisterFile registers, Pn532Timing timing) {
        this.field = field;
        this.settings = settings;
        this.registers = registers;
        this.timing = timing;
    }

    /** Forgets every target (field off, power down, reset). */
    void releaseAll() {
        target = null;
    }

    int targetCount() {
        return target == null ? 0 : 1;
    }

    /** The UID of the last target activated by InListPassiveTarget, or null. */
    byte[] lastActivatedUid() {
        return lastActivatedUid == null ? null : lastActivatedUid.clone();
    }

    /** The activated target's tap, for GetGeneralStatus. */
    Target target() {
        return target;
    }

    // InListPassiveTarget ----------------------------------------------------------------------

    Pending listPassiveTarget(byte[] cmd, long now) {
        if (cmd.length < 3) {
            return Pending.at(now, Reply.syntaxError());
        }
        int maxTg = cmd[1] & 0xFF;
        int brTy = cmd[2] & 0xFF;
        if (maxTg < 1 || maxTg > 2 || brTy > 0x04) {
            return Pending.at(now, Reply.syntaxError());
        }
        byte[] wantedUid = Arrays.copyOfRange(cmd, 3, cmd.length);
        field.setOn(true); // the chip switches the field on by itself
        target = null;
        return new ListPending(brTy == 0x00, wantedUid, now);
    }

    private final class ListPending implements Pending {
        private final boolean typeA;
        private final byte[] wantedUid;
        private long dueAt;

        ListPending(boolean typeA, byte[] wantedUid, long now) {
            this.typeA = typeA;
            this.wantedUid = wantedUid;
            long giveUp = settings.maxRtyPassiveActivation == ChipSettings.INFINITE ? NEVER
                    : now + (settings.maxRtyPassiveActivation + 1L) * timing.passiveTry().toNanos();
            this.dueAt = answering() ? now + timing.activation().toNanos() : giveUp;
        }

        /** A phone in IDLE answers REQA; one in ACTIVE or HALT does not (ISO 14443-3 §6.3). */
        private boolean answering() {
            Tap tap = field.tap();
            return typeA && tap != null && tap.state == Tap.PiccState.IDLE
                    && (wantedUid.length == 0 || Arrays.equals(wantedUid, tap.uid));
        }

        @Override
        public long dueAt() {
            return dueAt;
        }

        @Override
        public void fieldChanged(long now) {
            if (answering()) {
                dueAt = Math.min(dueAt, now + timing.activation().toNanos());
            }
        }

        @Override
        public Reply complete(long now) {
            if (!answering()) {
                // What nfcpy relies on: the REQA that got no answer is still in the CIU FIFO.
                registers.write(RegisterFile.FIFO_DATA, 0x26);
                return Reply.of(0x4B, 0x00);
            }
            Tap tap = field.tap();
            tap.state = Tap.PiccState.ACTIVE;
            tap.isoDep = settings.autoRats() && tap.phone.isoDep();
            target = new Target(1, tap);
            lastActivatedUid = tap.uid.clone();
            return Reply.of(targetData(tap));
        }
    }

    /** {@code 4B 01 Tg SENS_RES(2) SEL_RES NFCIDLength NFCID1 [ATS]} (UM §7.3.5). */
    private static byte[] targetData(Tap tap) {
        Phone phone = tap.phone;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x4B);
        out.write(1);
        out.write(1);
        out.write(phone.atqa() >> 8);
        out.write(phone.atqa() & 0xFF);
        out.write(phone.sak());
        out.write(tap.uid.length);
        out.writeBytes(tap.uid);
        if (tap.isoDep) {
            out.writeBytes(phone.ats());
        }
        return out.toByteArray();
    }

    // InDataExchange ---------------------------------------------------------------------------

    Pending dataExchange(byte[] cmd, long now) {
        if (cmd.length < 2) {
            return Pending.at(now, Reply.syntaxError());
        }
        int tgByte = cmd[1] & 0xFF;
        boolean more = (tgByte & MI) != 0;
        byte[] dataOut = Arrays.copyOfRange(cmd, 2, cmd.length);
        Target t = target;
        if (t == null || t.tg != (tgByte & 0x3F) || t.deselected) {
            return Pending.at(now, Reply.of(0x41, NOT_ACCEPTABLE));
        }
        if (!present(t)) {
            return lost(t, now, 0x41);
        }
        Tap tap = t.tap;
        if (!tap.isoDep) {
            // Without RATS the phone is a bare ISO 14443-3 target and ignores what it is sent.
            return noAnswer(now, 0x41);
        }
        if (dataOut.length == 0 && t.chainOut != null) {
            byte[] rest = t.chainOut;
            t.chainOut = null;
            return deliver(t, rest, now + timing.rfNanos(Math.min(rest.length, MAX_DATA)));
        }
        t.chainOut = null;
        t.chainIn.writeBytes(dataOut);
        if (more) {
            // One chained I-block, acknowledged by the phone with R(ACK): nothing to give back yet.
            return answerIfPresent(t, now + timing.rfNanos(dataOut.length), Reply.of(0x41, OK));
        }
        byte[] apdu = t.chainIn.toByteArray();
        t.chainIn.reset();
        byte[] response = tap.phone.card().process(apdu);
        tap.piccBlock ^= 1;
        tap.apdusAnswered++;
        long due = now + timing.rfNanos(apdu.length) + tap.phone.apduLatency().toNanos()
                + timing.rfNanos(Math.min(response.length, MAX_DATA));
        return deliver(t, response, due);
    }

    /** Sends up to 262 bytes of {@code data}, with MI set when more remain. */
    private Pending deliver(Target t, byte[] data, long due) {
        return new Pending() {
            @Override
            public long dueAt() {
                return due;
            }

            @Override
            public Reply complete(long now) {
                if (!present(t)) {
                    t.lossReported = true;
                    return Reply.of(0x41, TIMEOUT);
                }
                int n = Math.min(data.length, MAX_DATA);
                byte[] out = new byte[n + 2];
                out[0] = 0x41;
                out[1] = (byte) (data.length > n ? MI : OK);
                System.arraycopy(data, 0, out, 2, n);
                if (data.length > n) {
                    t.chainOut = Arrays.copyOfRange(data, n, data.length);
                    return Reply.of(out);
                }
                Reply reply = Reply.of(out);
                int leaveAfter = t.tap.phone.leavesAfterApdus();
                if (leaveAfter > 0 && t.tap.apdusAnswered >= leaveAfter) {
                    reply = reply.then(field::remove);
                }
                return reply;
            }
        };
    }

    private Pending answerIfPresent(Target t, long due, Reply reply) {
        return new Pending() {
            @Override
            public long dueAt() {
                return due;
            }

            @Override
            public Reply complete(long now) {
                if (present(t)) {
                    return reply;
                }
                t.lossReported = true;
                return Reply.of(reply.data()[0] & 0xFF, TIMEOUT);
            }
        };
    }

    /**
     * The phone of an activated target left: the chip waits for the RF timeout (RFConfiguration
     * item 02, times MaxRtyCOM + 1), then reports 01; once it has, later exchanges report 2B.
     */
    private Pending lost(Target t, long now, int responseCode) {
        int status = t.lossReported ? DISAPPEARED : TIMEOUT;
        t.lossReported = true;
        long wait = timing.honourRfTimeouts() ? settings.commTimeoutNanos() : 0;
        return Pending.at(Pending.plus(now, wait), Reply.of(responseCode, status));
    }

    /** A present phone that ignores what it was sent: the RF timeout, then 01. */
    private Pending noAnswer(long now, int responseCode) {
        long wait = timing.honourRfTimeouts() ? settings.commTimeoutNanos() : 0;
        return Pending.at(Pending.plus(now, wait), Reply.of(responseCode, TIMEOUT));
    }

    private boolean present(Target t) {
        Tap tap = field.tap();
        return tap == t.tap && tap.state == Tap.PiccState.ACTIVE;
    }

    // InCommunicateThru ------------------------------------------------------------------------

    /**
     * Raw ISO-DEP blocks to the current target: R(NAK) presence checks (answered R(ACK)), RATS,
     * plain I-blocks (PCB 02/03 without CID or NAD) and S(DESELECT). Anything else gets no answer.
     */
    Pending communicateThru(byte[] cmd, long now) {
        if (cmd.length < 2) {
            return Pending.at(now, Reply.syntaxError());
        }
        Target t = target;
        if (t == null || t.deselected) {
            return Pending.at(now, Reply.of(0x43, NOT_ACCEPTABLE));
        }
        if (!present(t)) {
            return lost(t, now, 0x43);
        }
        Tap tap = t.tap;
        byte[] block = Arrays.copyOfRange(cmd, 1, cmd.length);
        int pcb = block[0] & 0xFF;
        long rf = now + timing.rfNanos(block.length) + timing.rfNanos(3);
        if (tap.isoDep && (pcb & 0xF6) == 0xB2 && block.length == 1) {
            return answerIfPresent(t, rf, Reply.of(0x43, OK, 0xA2 | tap.piccBlock));
        }
        if (!tap.isoDep && pcb == 0xE0 && block.length == 2) {
            tap.isoDep = tap.phone.isoDep();
            if (tap.isoDep) {
                byte[] ats = tap.phone.ats();
                byte[] out = new byte[ats.length + 2];
                out[0] = 0x43;
                System.arraycopy(ats, 0, out, 2, ats.length);
                return answerIfPresent(t, rf, Reply.of(out));
            }
        }
        if (tap.isoDep && (pcb & 0xFE) == 0x02) {
            byte[] apdu = Arrays.copyOfRange(block, 1, block.length);
            byte[] response = tap.phone.card().process(apdu);
            tap.piccBlock = pcb & 1;
            tap.apdusAnswered++;
            byte[] out = new byte[response.length + 3];
            out[0] = 0x43;
            out[2] = (byte) pcb;
            System.arraycopy(response, 0, out, 3, response.length);
            long due = rf + tap.phone.apduLatency().toNanos() + timing.rfNanos(response.length);
            return answerIfPresent(t, due, Reply.of(out));
        }
        if (tap.isoDep && pcb == 0xC2 && block.length == 1) {
            return answerIfPresent(t, rf, Reply.of(0x43, OK, 0xC2).then(() -> field.halt(tap)));
        }
        return noAnswer(now, 0x43);
    }

    // InDeselect, InRelease, InSelect ----------------------------------------------------------

    Pending deselect(byte[] cmd, long now) {
        if (cmd.length != 2) {
            return Pending.at(now, Reply.syntaxError());
        }
        int tg = cmd[1] & 0xFF;
        Target t = target;
        if (t == null || (tg != 0 && tg != t.tg)) {
            return Pending.at(now, Reply.of(0x45, tg == 0 ? OK : NOT_ACCEPTABLE));
        }
        if (t.deselected) {
            return Pending.at(now, Reply.of(0x45, OK));
        }
        if (!present(t)) {
            return lost(t, now, 0x45);
        }
        t.deselected = true;
        field.halt(t.tap);
        return Pending.at(now + timing.rfNanos(1) * 2, Reply.of(0x45, OK));
    }

    /** Release is local bookkeeping plus a DESELECT nobody has to answer: always 00. */
    Pending release(byte[] cmd, long now) {
        if (cmd.length != 2) {
            return Pending.at(now, Reply.syntaxError());
        }
        int tg = cmd[1] & 0xFF;
        Target t = target;
        if (t != null && tg != 0 && tg != t.tg) {
            return Pending.at(now, Reply.of(0x53, NOT_ACCEPTABLE));
        }
        if (t != null) {
            if (!t.deselected && present(t)) {
                field.halt(t.tap);
            }
            target = null;
        }
        return Pending.at(now + timing.rfNanos(1), Reply.of(0x53, OK));
    }

    /** Wakes a deselected target again (WUPA wakes a HALTed card, then SELECT and RATS). */
    Pending select(byte[] cmd, long now) {
        if (cmd.length != 2) {
            return Pending.at(now, Reply.syntaxError());
        }
        Target t = target;
        if (t == null || t.tg != (cmd[1] & 0xFF)) {
            return Pending.at(now, Reply.of(0x55, NOT_ACCEPTABLE));
        }
        if (!t.deselected) {
            return Pending.at(now, Reply.of(0x55, OK));
        }
        Tap tap = field.tap();
        if (tap != t.tap || tap.state != Tap.PiccState.HALT) {
            return lost(t, now, 0x55);
        }
        tap.state = Tap.PiccState.ACTIVE;
        tap.isoDep = settings.autoRats() && tap.phone.isoDep();
        tap.piccBlock = 1;
        t.deselected = false;
        return Pending.at(now + timing.activation().toNanos(), Reply.of(0x55, OK));
    }
}
