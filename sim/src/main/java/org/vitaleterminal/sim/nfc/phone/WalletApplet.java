package org.vitaleterminal.sim.nfc.phone;

import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.vitaleterminal.sim.wallet.Wallet;

/**
 * The VT1 wallet application of {@code shared/spec/nfc-apdu.md}, as the holder's phone runs it:
 * SELECT by the AID answers {@code 01 90 00}; GET PRESENTATION signs a fresh presentation over the
 * received challenge (issued at the applet's clock) and returns it in chunks of at most 250 bytes,
 * {@code 61 XX} announcing the rest, fetched with GET RESPONSE.
 *
 * <p>Modes: {@link #lockedFor(int)} answers {@code 69 85} to the next N GET PRESENTATIONs (the
 * holder is still typing the code; the count survives taps, as it would on a phone);
 * {@link #empty()} answers {@code 6A 88} (no credential). Errors follow ISO 7816-4: {@code 6E 00}
 * unknown CLA, {@code 6D 00} unknown INS, {@code 67 00} wrong length, {@code 6A 86} wrong P1-P2.
 * Before SELECT, as on Android, every APDU gets {@code 6F 00} from the HCE router.
 */
public final class WalletApplet implements Iso7816Card {
    /** "\xF0VT1VITALE". */
    private static final byte[] AID = {(byte) 0xF0, 0x56, 0x54, 0x31, 0x56, 0x49, 0x54, 0x41, 0x4C, 0x45};
    public static final int CHALLENGE_LENGTH = 16;
    public static final int MAX_CHUNK = 250;
    public static final int PROTOCOL_VERSION = 1;

    private static final int CLA_ISO = 0x00;
    private static final int CLA_PROPRIETARY = 0x80;
    private static final int INS_SELECT = 0xA4;
    private static final int INS_GET_PRESENTATION = 0x50;
    private static final int INS_GET_RESPONSE = 0xC0;

    private final Wallet wallet;
    private final Clock clock;
    private final int[] beneficiaryIndexes;
    private int lockedRemaining;
    private boolean selected;
    private byte[] remaining;
    private int presentations;

    private WalletApplet(Wallet wallet, Clock clock, int[] beneficiaryIndexes) {
        this.wallet = wallet;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.beneficiaryIndexes = beneficiaryIndexes.clone();
    }

    /** The VT1 AID {@code F0 56 54 31 56 49 54 41 4C 45}. */
    public static byte[] aid() {
        return AID.clone();
    }

    /**
     * A wallet that discloses the given beneficiaries (at least one; indexes into the credential's
     * list) and stamps presentations with {@code clock}.
     */
    public static WalletApplet of(Wallet wallet, Clock clock, int... beneficiaryIndexes) {
        Objects.requireNonNull(wallet, "wallet");
        if (beneficiaryIndexes.length == 0) {
            throw new IllegalArgumentException("disclose at least one beneficiary");
        }
        return new WalletApplet(wallet, clock, beneficiaryIndexes);
    }

    /** A wallet app installed but holding no credential: GET PRESENTATION answers 6A 88. */
    public static WalletApplet empty() {
        return new WalletApplet(null, Clock.systemUTC(), new int[0]);
    }

    /** The next {@code attempts} GET PRESENTATIONs answer 69 85 (holder has not unlocked yet). */
    public synchronized WalletApplet lockedFor(int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts " + attempts);
        }
        lockedRemaining = attempts;
        return this;
    }

    /** How many presentations were signed so far. */
    public synchronized int presentationsSigned() {
        return presentations;
    }

    @Override
    public synchronized byte[] process(byte[] commandApdu) {
        byte[] chained = remaining;
        remaining = null; // any command other than GET RESPONSE drops the rest (ISO 7816-4 §5.3.4)
        Optional<CommandApdu> parsed = CommandApdu.parse(commandApdu);
        if (commandApdu.length >= 2 && (commandApdu[0] & 0xFF) == CLA_ISO && (commandApdu[1] & 0xFF) == INS_SELECT) {
            return select(parsed);
        }
        if (!selected) {
            return StatusWords.sw(StatusWords.UNKNOWN_ERROR);
        }
        if (commandApdu.length < 4) {
            return StatusWords.sw(StatusWords.WRONG_LENGTH);
        }
        int cla = commandApdu[0] & 0xFF;
        int ins = commandApdu[1] & 0xFF;
        if (cla != CLA_ISO && cla != CLA_PROPRIETARY) {
            return StatusWords.sw(StatusWords.CLA_NOT_SUPPORTED);
        }
        if (cla == CLA_PROPRIETARY && ins == INS_GET_PRESENTATION) {
            return getPresentation(commandApdu, parsed);
        }
        if (cla == CLA_ISO && ins == INS_GET_RESPONSE) {
            return getResponse(parsed, chained);
        }
        return StatusWords.sw(StatusWords.INS_NOT_SUPPORTED);
    }

    @Override
    public synchronized void deactivated() {
        selected = false;
        remaining = null;
    }

    private byte[] select(Optional<CommandApdu> parsed) {
        if (parsed.isEmpty()) {
            return StatusWords.sw(StatusWords.WRONG_LENGTH);
        }
        CommandApdu apdu = parsed.get();
        if (apdu.p1() != 0x04 || apdu.p2() != 0x00) {
            return StatusWords.sw(selected ? StatusWords.INCORRECT_P1P2 : StatusWords.FILE_NOT_FOUND);
        }
        if (!Arrays.equals(apdu.data(), AID)) {
            // Android routes a SELECT for another AID elsewhere: here, to nobody.
            selected = false;
            return StatusWords.sw(StatusWords.FILE_NOT_FOUND);
        }
        selected = true;
        return new byte[] {PROTOCOL_VERSION, (byte) 0x90, 0x00};
    }

    private byte[] getPresentation(byte[] raw, Optional<CommandApdu> parsed) {
        // Exactly 80 50 00 00 10 <16 bytes> 00.
        if (raw.length != 5 + CHALLENGE_LENGTH + 1 || parsed.isEmpty() || parsed.get().le() != 256) {
            return StatusWords.sw(StatusWords.WRONG_LENGTH);
        }
        CommandApdu apdu = parsed.get();
        if (apdu.p1() != 0 || apdu.p2() != 0) {
            return StatusWords.sw(StatusWords.INCORRECT_P1P2);
        }
        if (wallet == null) {
            return StatusWords.sw(StatusWords.REFERENCED_DATA_NOT_FOUND);
        }
        if (lockedRemaining > 0) {
            lockedRemaining--;
            return StatusWords.sw(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        byte[] presentation = wallet.presentNfc(apdu.data(), clock.instant(), beneficiaryIndexes);
        presentations++;
        return chunk(presentation, MAX_CHUNK);
    }

    private byte[] getResponse(Optional<CommandApdu> parsed, byte[] chained) {
        if (parsed.isEmpty() || parsed.get().data().length != 0 || parsed.get().le() < 0) {
            return StatusWords.sw(StatusWords.WRONG_LENGTH);
        }
        CommandApdu apdu = parsed.get();
        if (apdu.p1() != 0 || apdu.p2() != 0) {
            return StatusWords.sw(StatusWords.INCORRECT_P1P2);
        }
        if (chained == null) {
            return StatusWords.sw(StatusWords.COMMAND_NOT_ALLOWED);
        }
        return chunk(chained, Math.min(MAX_CHUNK, apdu.le()));
    }

    /** The first {@code max} bytes with 61 XX (XX = what is left, 00 for 256 or more) or 90 00. */
    private byte[] chunk(byte[] data, int max) {
        int n = Math.min(max, data.length);
        byte[] first = Arrays.copyOf(data, n);
        int left = data.length - n;
        if (left == 0) {
            return StatusWords.withSw(first, StatusWords.OK);
        }
        remaining = Arrays.copyOfRange(data, n, data.length);
        return StatusWords.withSw(first, 0x6100 | (left >= 256 ? 0 : left));
    }
}
