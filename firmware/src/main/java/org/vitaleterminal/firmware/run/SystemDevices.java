package org.vitaleterminal.firmware.run;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import org.vitaleterminal.firmware.nfc.NfcReaderFactory;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.FrameSources;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.indicator.Indicators;
import org.vitaleterminal.hal.nfc.pn532.Pi4jContextSource;
import org.vitaleterminal.hal.nfc.pn532.Pn532Config;
import org.vitaleterminal.hal.nfc.pn532.Pn532Readers;
import org.vitaleterminal.hal.scanner.ScannerSource;
import org.vitaleterminal.hal.scanner.ScannerSources;

/** The Raspberry Pi's devices, through the hal providers. */
public final class SystemDevices implements Devices {
    private final PrintStream console;
    private final Clock clock;
    /** Pi4J contexts are built only when an I2C/SPI reader or GPIO indicator is opened. */
    private final Pi4jContextSource pi4j = Pi4jContextSource.perReader();

    public SystemDevices(PrintStream console, Clock clock) {
        this.console = console;
        this.clock = clock;
    }

    @Override
    public FrameSource camera(String setting) {
        return FrameSources.open(setting);
    }

    @Override
    public ScannerSource scanner(String setting) {
        return ScannerSources.system().create(setting);
    }

    @Override
    public NfcReaderFactory nfcReaders() {
        return uri -> Pn532Readers.open(uri, Pn532Config.defaults(), pi4j);
    }

    @Override
    public Indicator indicator(String setting) throws IOException {
        return Indicators.system(console, clock, pi4j).create(setting);
    }
}
