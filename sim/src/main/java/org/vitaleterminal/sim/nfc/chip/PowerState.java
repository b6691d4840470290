package org.vitaleterminal.sim.nfc.chip;

/**
 * The chip's power mode (PN532 C106 application note, AN10609). In {@link #LOW_VBAT} (the state
 * after reset) the chip sleeps between commands until a SAMConfiguration puts it in
 * {@link #NORMAL}; in {@link #POWER_DOWN} it sleeps until woken by an enabled source and then
 * stays {@link #NORMAL}.
 */
public enum PowerState {
    LOW_VBAT,
    NORMAL,
    POWER_DOWN
}
