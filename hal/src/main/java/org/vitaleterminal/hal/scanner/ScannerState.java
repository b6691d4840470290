package org.vitaleterminal.hal.scanner;

/** Where a {@link ScannerSource} stands, for status reports. */
public enum ScannerState {
    /** Created, {@link ScannerSource#start} not called yet. */
    NEW,
    /** The device is open and read. */
    READING,
    /** The device could not be opened or went away; the source tries again after a pause. */
    WAITING_FOR_DEVICE,
    /** Closed, or {@code none} configured. */
    STOPPED
}
