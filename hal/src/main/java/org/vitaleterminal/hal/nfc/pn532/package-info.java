/**
 * The PN532 NFC driver: an {@link org.vitaleterminal.hal.nfc.NfcReader} for phones (Android HCE,
 * ISO-DEP) tapped on an NXP PN532, over its UART (HSU), I2C or SPI.
 *
 * <p>Layers, bottom up:
 * <ul>
 *   <li>{@link org.vitaleterminal.hal.nfc.pn532.Pn532Frames} and
 *       {@link org.vitaleterminal.hal.nfc.pn532.Pn532FrameParser}: the frame codec;
 *   <li>{@link org.vitaleterminal.hal.nfc.pn532.Pn532Transport}: how frames travel, one
 *       implementation per wiring, each over a tiny bus interface of its own
 *       ({@code uart.SerialLink}, {@code i2c.I2cBus}, {@code spi.SpiBus}) with one real adapter
 *       (jSerialComm, Pi4J linuxfs I2C, Pi4J linuxfs SPI);
 *   <li>{@link org.vitaleterminal.hal.nfc.pn532.Pn532}: the command dialog (ACK, NACK, abort)
 *       and the commands;
 *   <li>{@link org.vitaleterminal.hal.nfc.pn532.Pn532NfcReader}: polling, APDU exchange with
 *       {@code 61 XX} joining, recovery;
 *   <li>{@link org.vitaleterminal.hal.nfc.pn532.Pn532Readers}: opening a reader from a URI
 *       ({@code pn532:uart:/dev/ttyS0}, {@code pn532:i2c:1:0x24}, {@code pn532:spi:0.0}) or over
 *       any {@code SerialLink}, {@code I2cBus}, {@code SpiBus} or transport.
 * </ul>
 *
 * <p>All waiting goes through {@link org.vitaleterminal.hal.nfc.pn532.TimeSource}; no class
 * starts a thread or keeps static mutable state.
 */
package org.vitaleterminal.hal.nfc.pn532;
