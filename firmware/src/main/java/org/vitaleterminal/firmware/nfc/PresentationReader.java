package org.vitaleterminal.firmware.nfc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcReader;
import org.vitaleterminal.hal.nfc.NfcTarget;
import org.vitaleterminal.hal.nfc.ReaderFailureException;
import org.vitaleterminal.hal.nfc.ResponseApdu;
import org.vitaleterminal.hal.nfc.ResponseTooLargeException;
import org.vitaleterminal.hal.nfc.TargetLostException;

/**
 * Reads a presentation from one tapped phone: SELECT the VT1 wallet, then GET PRESENTATION with a
 * fresh 16-byte challenge. While the holder has not unlocked the wallet ({@code 69 85}) it asks
 * again with a new challenge every 500 ms, for up to 30 s, as long as the phone stays.
 */
final class PresentationReader {
    static final Duration UNLOCK_RETRY = Duration.ofMillis(500);
    static final Duration UNLOCK_GIVE_UP = Duration.ofSeconds(30);

    /** Told when the wallet waits for its holder, so the terminal can show it (amber blink). */
    interface HolderPrompt {
        void waitingForHolder();
    }

    private final NfcReader reader;
    private final SecureRandom random;
    private final Clock clock;
    private final Sleeper sleeper;

    PresentationReader(NfcReader reader, SecureRandom random, Clock clock, Sleeper sleeper) {
        this.reader = reader;
        this.random = random;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    PresentationRead read(NfcTarget target, HolderPrompt prompt) throws InterruptedException {
        try {
            ResponseApdu selected = reader.transmit(target, WalletProtocol.select(), 256);
            if (selected.sw() == WalletProtocol.SW_APPLICATION_NOT_FOUND) {
                return new PresentationRead.NotAWallet();
            }
            if (selected.sw() != WalletProtocol.SW_OK) {
                return protocolError("SELECT", selected.sw());
            }
            if (!Arrays.equals(selected.data(), new byte[] {WalletProtocol.PROTOCOL_VERSION})) {
                return new PresentationRead.ProtocolError(false, "wallet speaks another protocol version");
            }
            Instant giveUpAt = clock.instant().plus(UNLOCK_GIVE_UP);
            while (true) {
                byte[] challenge = new byte[WalletProtocol.CHALLENGE_LENGTH];
                random.nextBytes(challenge);
                ResponseApdu answer = reader.transmit(target, WalletProtocol.getPresentation(challenge),
                        WalletProtocol.MAX_PRESENTATION_BYTES);
                switch (answer.sw()) {
                    case WalletProtocol.SW_OK -> {
                        return new PresentationRead.Presentation(answer.data(), challenge);
                    }
                    case WalletProtocol.SW_NOT_UNLOCKED -> {
                        prompt.waitingForHolder();
                        if (!clock.instant().plus(UNLOCK_RETRY).isBefore(giveUpAt)) {
                            return new PresentationRead.HolderDidNotUnlock();
                        }
                        sleeper.sleep(UNLOCK_RETRY);
                    }
                    case WalletProtocol.SW_NO_CREDENTIAL ->
                            { return new PresentationRead.ProtocolError(false, "wallet holds no credential (6A88)"); }
                    default -> { return protocolError("GET PRESENTATION", answer.sw()); }
                }
            }
        } catch (ResponseTooLargeException e) {
            return new PresentationRead.ProtocolError(true, "presentation larger than 4096 bytes");
        } catch (TargetLostException e) {
            return new PresentationRead.Lost("target lost: " + e.getMessage());
        } catch (ReaderFailureException e) {
            return new PresentationRead.Lost("reader failure: " + e.getMessage());
        } catch (NfcException e) {
            return new PresentationRead.Lost(e.getMessage());
        }
    }

    private static PresentationRead protocolError(String command, int sw) {
        return new PresentationRead.ProtocolError(false,
                command + " answered " + HexFormat.of().toHexDigits((short) sw));
    }
}
