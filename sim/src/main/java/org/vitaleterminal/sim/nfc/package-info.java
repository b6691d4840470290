/**
 * The virtual PN532: a model of the NXP PN532 NFC controller and of the phones in its RF field,
 * so that the terminal's driver and independent clients (libnfc) can be tested without hardware.
 *
 * <ul>
 * <li>{@code frame}: the host-link frame codec, written from the user manual (§6.2) without
 * sharing code with the driver in {@code hal};</li>
 * <li>{@code chip}: {@link org.vitaleterminal.sim.nfc.chip.VirtualPn532}, the chip itself
 * (commands, power states, registers, the RF field and its targets);</li>
 * <li>{@code phone}: phones (random UID per tap, ATS, latency) and their ISO 7816 applications,
 * among them the VT1 wallet;</li>
 * <li>{@code fault}: seeded fault injection on the chip's output;</li>
 * <li>{@code host}: the transports: a pseudo-terminal (HSU), and I2C and SPI views.</li>
 * </ul>
 *
 * <p>Time comes from an injectable {@link org.vitaleterminal.sim.nfc.NanoClock}: unit tests drive a
 * {@link org.vitaleterminal.sim.nfc.ManualNanoClock}, the pseudo-terminal runs on the system clock.
 * No class holds static mutable state and every random choice comes from a seeded generator.
 */
package org.vitaleterminal.sim.nfc;
