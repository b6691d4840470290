package org.vitaleterminal.hal.nfc.pn532;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing and retry settings of the PN532 driver. {@link #defaults()} suits a PN532 wired to the
 * Pi's own UART, I2C or SPI; {@link Pn532Readers} raises the ACK timeout for USB serial adapters.
 *
 * @param time                     clock and sleeper for every deadline and pause
 * @param ackTimeout               how long the chip may take to ACK a command; the chip should
 *                                 ACK within ~15 ms, nfcpy waits 100 ms, a USB serial adapter
 *                                 on a Pi can add up to ~1 s (nfcpy then waits 1.5 s)
 * @param commandTimeout           response time allowed after the ACK for configuration commands
 *                                 (libnfc: 350 ms)
 * @param listTimeout              response time allowed for InListPassiveTarget; the chip
 *                                 answers sooner because the driver bounds its retries
 * @param exchangeTimeout          response time allowed for InDataExchange: the phone's app
 *                                 answers each APDU (the chip handles waiting-time extensions)
 * @param nackRetries              how often a corrupt response is asked for again with a NACK
 * @param passiveActivationRetries MxRtyPassiveActivation (RFConfiguration item 5): retries of one
 *                                 InListPassiveTarget; never 0xFF (infinite), which would make
 *                                 every empty poll end in a host abort
 * @param pollPause                pause between two InListPassiveTarget when nothing was found,
 *                                 so a fast chip (or a simulator) does not make poll spin
 * @param fieldResetPause          RF field off time at (re)initialisation, long enough for a phone
 *                                 to drop its ISO-DEP session (ISO 14443 reset: 5 ms or more)
 */
public record Pn532Config(
        TimeSource time,
        Duration ackTimeout,
        Duration commandTimeout,
        Duration listTimeout,
        Duration exchangeTimeout,
        int nackRetries,
        int passiveActivationRetries,
        Duration pollPause,
        Duration fieldResetPause) {

    public Pn532Config {
        Objects.requireNonNull(time, "time");
        positive(ackTimeout, "ackTimeout");
        positive(commandTimeout, "commandTimeout");
        positive(listTimeout, "listTimeout");
        positive(exchangeTimeout, "exchangeTimeout");
        notNegative(pollPause, "pollPause");
        notNegative(fieldResetPause, "fieldResetPause");
        if (nackRetries < 0 || nackRetries > 10) {
            throw new IllegalArgumentException("nackRetries must be 0..10");
        }
        if (passiveActivationRetries < 0 || passiveActivationRetries > 0xFE) {
            throw new IllegalArgumentException("passiveActivationRetries must be 0..0xFE (0xFF means forever)");
        }
    }

    public static Pn532Config defaults() {
        return new Pn532Config(TimeSource.system(), Duration.ofMillis(100), Duration.ofMillis(350),
                Duration.ofSeconds(1), Duration.ofSeconds(3), 2, 2, Duration.ofMillis(50), Duration.ofMillis(10));
    }

    public Pn532Config withTime(TimeSource value) {
        return new Pn532Config(value, ackTimeout, commandTimeout, listTimeout, exchangeTimeout, nackRetries,
                passiveActivationRetries, pollPause, fieldResetPause);
    }

    public Pn532Config withAckTimeout(Duration value) {
        return new Pn532Config(time, value, commandTimeout, listTimeout, exchangeTimeout, nackRetries,
                passiveActivationRetries, pollPause, fieldResetPause);
    }

    public Pn532Config withCommandTimeout(Duration value) {
        return new Pn532Config(time, ackTimeout, value, listTimeout, exchangeTimeout, nackRetries,
                passiveActivationRetries, pollPause, fieldResetPause);
    }

    public Pn532Config withListTimeout(Duration value) {
        return new Pn532Config(time, ackTimeout, commandTimeout, value, exchangeTimeout, nackRetries,
                passiveActivationRetries, pollPause, fieldResetPause);
    }

    public Pn532Config withExchangeTimeout(Duration value) {
        return new Pn532Config(time, ackTimeout, commandTimeout, listTimeout, value, nackRetries,
                passiveActivationRetries, pollPause, fieldResetPause);
    }

    public Pn532Config withNackRetries(int value) {
        return new Pn532Config(time, ackTimeout, commandTimeout, listTimeout, exchangeTimeout, value,
                passiveActivationRetries, pollPause, fieldResetPause);
    }

    public Pn532Config withPassiveActivationRetries(int value) {
        return new Pn532Config(time, ackTimeout, commandTimeout, listTimeout, exchangeTimeout, nackRetries,
                value, pollPause, fieldResetPause);
    }

    public Pn532Config withPollPause(Duration value) {
        return new Pn532Config(time, ackTimeout, commandTimeout, listTimeout, exchangeTimeout, nackRetries,
                passiveActivationRetries, value, fieldResetPause);
    }

    public Pn532Config withFieldResetPause(Duration value) {
        return new Pn532Config(time, ackTimeout, commandTimeout, listTimeout, exchangeTimeout, nackRetries,
                passiveActivationRetries, pollPause, value);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void notNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
