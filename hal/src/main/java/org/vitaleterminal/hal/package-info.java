/**
 * The hardware abstraction layer: cameras ({@code camera}), barcode scanners ({@code scanner}),
 * NFC readers ({@code nfc}) and the LEDs and buzzer ({@code indicator}). This package holds only
 * what several of them share: the {@link org.vitaleterminal.hal.Backoff} between attempts to open
 * a device again.
 */
package org.vitaleterminal.hal;
