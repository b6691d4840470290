/**
 * The virtual PN532: a model of the NXP PN532 NFC controller and of the phones in its RF field,
 * so that the terminal's driver and independent clients (libnfc) can be tested without hardware.
 * It is written from the PN532 user manual and {@code shared/notes/pn532.md}, and shares no code
 * with the driver in {@code hal}.
 *
 * <ul>
 * <li>{@code frame}: the host-link frame codec (UM §6.2);</li>
 * <li>{@code chip}: {@link org.vitaleterminal.sim.nfc.chip.VirtualPn532}, the chip itself
 * (commands, power states, registers, the RF field and its targets);</li>
 * <li>{@code phone}: phones (random UID per tap, ATS, latency) and their ISO 7816 applications:
 * the VT1 wallet, a phone without it, or any lambda;</li>
 * <li>{@code fault}: seeded fault injection on the chip's output;</li>
 * <li>{@code host}: the transports: a pseudo-terminal (HSU) and I2C and SPI views.</li>
 * </ul>
 *
 * <h2>Use</h2>
 * <pre>{@code
 * VirtualPn532 chip = VirtualPn532.builder().build();          // system clock, realistic timing
 * Phone phone = Phone.builder(WalletApplet.of(world.family(), clock, 0, 1), SimRandom.seeded(7))
 *         .apduLatency(Duration.ofMillis(15)).build();
 * chip.placePhone(phone);                                      // any time, any thread
 * chip.faults().onNext(VirtualPn532.IN_DATA_EXCHANGE, Fault.corruptDcs());
 * try (Pn532Pty pty = Pn532Pty.open(chip, true)) {             // paced at 115200 baud
 *     driverOrLibnfc.open(pty.slavePath());                    // e.g. /dev/pts/7
 *     chip.removePhone();                                      // removal mid-read
 * }
 * Pn532I2cView i2c = new Pn532I2cView(chip);   // write(frame), read(n): status byte first
 * Pn532SpiView spi = new Pn532SpiView(chip);   // transfer(mosi): DW/SR/DR, bit-reversed bytes
 * }</pre>
 *
 * <h2>Modelling decisions where the sources are silent (notes §7)</h2>
 * <ul>
 * <li>A host frame with a bad LCS or DCS, a TFI other than D4 or more than 265 bytes is dropped
 * without an answer (the host times out and retries); a well-formed frame with a bad parameter
 * list, an unknown or unmodelled command (TgInit*, InAutoPoll, InATR, ...) gets ACK then the
 * application error frame.</li>
 * <li>A new command while one is pending supersedes it (its response never comes).</li>
 * <li>Power: in LowVbat the chip wakes for one command and sleeps again until a SAMConfiguration
 * (which is why nfcpy sends wake-up bytes before each of its first two commands). Asleep on HSU,
 * the waking byte and the next two are lost. I2C wakes without loss (clock stretching); an SPI
 * transfer that finds the chip asleep wakes it but is lost, MISO all FF (as libnfc tests).
 * PowerDown's WakeUpEnable bits are honoured.</li>
 * <li>Each power-up of a phone (placed in a live field, or the field comes on) is a new tap with a
 * new random UID; field off ends the tap. InDeselect and InRelease send the phone to HALT, so the
 * next InListPassiveTarget (REQA) finds nothing until the field is cycled or InSelect (WUPA) wakes
 * it; a phone in ACTIVE state does not answer REQA either. One phone at a time.</li>
 * <li>A target whose phone left: the first exchange waits for the RF timeout (RFConfiguration 02
 * and 04) and reports 01, later ones report 2B. A phone present but ignoring a block (no RATS,
 * unknown block) gives 01 without marking the target lost.</li>
 * <li>SetParameters defaults to 0x10 (automatic RATS): Adafruit's libraries never send it and
 * still run ISO-DEP through InDataExchange. Flag 0x40 (no pre/postamble) is stored, not applied.</li>
 * <li>RFConfiguration items must have the manual's lengths (01: 1, 02: 3, 04: 1, 05: 3, 0A: 11,
 * 0B: 8, 0C: 3, 0D: 9); other lengths get the error frame.</li>
 * <li>InCommunicateThru R(NAK) gets R(ACK) carrying the phone's current block number.</li>
 * </ul>
 */
package org.vitaleterminal.sim.nfc;
