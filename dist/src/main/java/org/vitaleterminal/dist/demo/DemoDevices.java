package org.vitaleterminal.dist.demo;

import java.io.IOException;
import org.vitaleterminal.firmware.nfc.NfcReaderFactory;
import org.vitaleterminal.firmware.run.Devices;
import org.vitaleterminal.firmware.run.SystemDevices;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.indicator.Indicator;
import org.vitaleterminal.hal.scanner.ScannerSource;

/**
 * The demo terminal's devices: the virtual camera instead of whatever {@code camera.source}
 * says, and the real providers for everything else — the PN532 driver on the virtual chip's
 * pseudo-terminal, the console indicator, no scanner.
 */
public final class DemoDevices implements Devices {
    private final FrameSource camera;
    private final SystemDevices system;

    public DemoDevices(FrameSource camera, SystemDevices system) {
        this.camera = camera;
        this.system = system;
    }

    @Override
    public FrameSource camera(String setting) {
        return camera;
    }

    @Override
    public ScannerSource scanner(String setting) {
        return system.scanner(setting);
    }

    @Override
    public NfcReaderFactory nfcReaders() {
        return system.nfcReaders();
    }

    @Override
    public Indicator indicator(String setting) throws IOException {
        return system.indicator(setting);
    }
}
