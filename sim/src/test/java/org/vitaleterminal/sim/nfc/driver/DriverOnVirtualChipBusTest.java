package org.vitaleterminal.sim.nfc.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.pn532.Pn532Config;
import org.vitaleterminal.hal.nfc.pn532.Pn532NfcReader;
import org.vitaleterminal.hal.nfc.pn532.Pn532Readers;
import org.vitaleterminal.hal.nfc.pn532.i2c.I2cBus;
import org.vitaleterminal.hal.nfc.pn532.spi.SpiBus;
import org.vitaleterminal.sim.keys.SimRandom;
import org.vitaleterminal.sim.nfc.chip.VirtualPn532;
import org.vitaleterminal.sim.nfc.fault.Fault;
import org.vitaleterminal.sim.nfc.host.Pn532I2cView;
import org.vitaleterminal.sim.nfc.host.Pn532SpiView;
import org.vitaleterminal.sim.wallet.Wallet;

/**
 * The real driver's I2C and SPI transports (ready-byte polling, SPI status/read/write prefixes
 * and the software LSB-first bit order) against the virtual chip's own bus views, which model
 * the PN532 side of those buses independently: a whole family presentation read, clean and with
 * a damaged response on the way. Only the Pi4J adapters below the {@link I2cBus} and
 * {@link SpiBus} seams are left out; they have their own byte-level tests.
 */
class DriverOnVirtualChipBusTest {
    private static final Duration HANG = Duration.ofSeconds(30);
    private static final Pn532Config CONFIG = Pn532Config.defaults()
            .withListTimeout(Duration.ofMillis(500))
            .withExchangeTimeout(Duration.ofMillis(500));

    interface Opener {
        Pn532NfcReader apply(VirtualPn532 chip) throws NfcException;
    }

    enum Bus {
        I2C(chip -> {
            Pn532I2cView view = new Pn532I2cView(chip);
            return Pn532Readers.openI2c(new I2cBus() {
                @Override
                public void write(byte[] data) {
                    view.write(data);
                }

                @Override
                public void read(byte[] buffer) {
                    byte[] got = view.read(buffer.length);
                    System.arraycopy(got, 0, buffer, 0, buffer.length);
                }

                @Override
                public String describe() {
                    return "virtual i2c@0x24";
                }

                @Override
                public void close() {}
            }, CONFIG, "virtual i2c");
        }),
        SPI(chip -> {
            Pn532SpiView view = new Pn532SpiView(chip);
            return Pn532Readers.openSpi(new SpiBus() {
                @Override
                public byte[] transfer(byte[] tx) {
                    return view.transfer(tx);
                }

                @Override
                public String describe() {
                    return "virtual spi";
                }

                @Override
                public void close() {}
            }, CONFIG, "virtual spi");
        });

        private final Opener open;

        Bus(Opener open) {
            this.open = open;
        }
    }

    @ParameterizedTest
    @EnumSource(Bus.class)
    void aFamilyPresentationIsReadOverTheBus(Bus bus) {
        assertTimeoutPreemptively(HANG, () -> {
            VirtualPn532 chip = VirtualPn532.builder().build();
            try (Pn532NfcReader reader = bus.open.apply(chip)) {
                Wallet family = VirtualPhones.family();
                chip.placePhone(VirtualPhones.wallet(family, 7, 0, 1, 2, 3));
                byte[] challenge = VirtualPhones.challenge(SimRandom.seeded(70 + bus.ordinal()));
                ReadOutcome outcome = ReadOutcome.attempt(reader, family, challenge, 0, 1, 2, 3);
                ReadOutcome.Read read = assertInstanceOf(ReadOutcome.Read.class, outcome);
                assertEquals(VirtualPhones.expected(family, challenge, 0, 1, 2, 3).length, read.bytes());
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Bus.class)
    void aCorruptAnswerIsRepairedOrCleanlyFailedAndTheNextReadSucceeds(Bus bus) {
        assertTimeoutPreemptively(HANG, () -> {
            VirtualPn532 chip = VirtualPn532.builder().build();
            try (Pn532NfcReader reader = bus.open.apply(chip)) {
                Wallet wallet = VirtualPhones.singleAdult();
                chip.placePhone(VirtualPhones.wallet(wallet, 8, 0));
                chip.faults().onCommand(VirtualPn532.IN_DATA_EXCHANGE, 2, Fault.corruptDcs());
                ReadOutcome first = ReadOutcome.attempt(reader, wallet,
                        VirtualPhones.challenge(SimRandom.seeded(80 + bus.ordinal())), 0);
                chip.faults().clear();
                if (first instanceof ReadOutcome.Read) {
                    chip.placePhone(VirtualPhones.wallet(wallet, 8, 0));
                }
                ReadOutcome next = ReadOutcome.attempt(reader, wallet,
                        VirtualPhones.challenge(SimRandom.seeded(90 + bus.ordinal())), 0);
                assertInstanceOf(ReadOutcome.Read.class, next, () -> "after " + first);
            }
        });
    }
}
