/**
 * 2D barcode scanners ("douchettes"): each scan delivered as one complete line, never half of
 * one.
 *
 * <ul>
 *   <li>{@link org.vitaleterminal.hal.scanner.ScannerSource}: the contract (own thread, counters,
 *       state, prompt close);
 *   <li>{@link org.vitaleterminal.hal.scanner.DeviceScanner}: the one implementation: read a
 *       {@link org.vitaleterminal.hal.scanner.RawDevice} in short slices, decode, reopen with
 *       {@link org.vitaleterminal.hal.Backoff} after an unplug;
 *   <li>{@link org.vitaleterminal.hal.scanner.LineAssembler}: length limit and the drop rules
 *       shared by every kind of scanner;
 *   <li>{@code evdev}: keyboard-wedge scanners through Linux input events (US and French AZERTY
 *       layouts, EVIOCGRAB through JNA); {@code serial}: scanners in USB-CDC / serial mode;
 *   <li>{@link org.vitaleterminal.hal.scanner.ScannerUri} and
 *       {@link org.vitaleterminal.hal.scanner.ScannerSources}: the {@code scanner.source} setting.
 * </ul>
 *
 * <p>Scanned lines carry personal data: nothing here logs them.
 */
package org.vitaleterminal.hal.scanner;
