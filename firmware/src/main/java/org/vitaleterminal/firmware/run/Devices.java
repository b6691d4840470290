package org.vitaleterminal.firmware.run;

import java.io.IOException;
import org.vitaleterminal.firmware.nfc.NfcReaderFactory;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.scanner.ScannerSource;

/**
 * Where the terminal's devices come from, given their configuration settings: the real hardware
 * ({@link SystemDevices}) or a simulated world (the demo, tests). Creating a camera or scanner
 * only prepares it; nothing is read before the terminal starts its inputs.
 */
public interface Devices {

    FrameSource camera(String setting);

    ScannerSource scanner(String setting);

    /** Opens readers from {@code nfc.reader} URIs; called on the NFC thread, again after failures. */
    NfcReaderFactory nfcReaders();

    Indicator indicator(String setting) throws IOException;
}
