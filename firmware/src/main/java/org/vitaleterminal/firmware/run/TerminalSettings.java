package org.vitaleterminal.firmware.run;

import java.nio.file.Path;
import java.util.Objects;
import org.vitaleterminal.credential.VerificationPolicy;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.ConfigKey;
import org.vitaleterminal.firmware.config.Configuration;
import org.vitaleterminal.firmware.config.PolicySettings;
import org.vitaleterminal.firmware.event.TerminalIdentity;
import org.vitaleterminal.firmware.mqtt.MqttSettings;
import org.vitaleterminal.firmware.outbox.OutboxSettings;
import org.vitaleterminal.hal.camera.FrameSources;
import org.vitaleterminal.hal.indicator.IndicatorUri;
import org.vitaleterminal.hal.nfc.pn532.Pn532Uri;
import org.vitaleterminal.hal.scanner.ScannerUri;

/**
 * Everything {@code run} takes from the configuration, each value checked (device settings
 * parsed, not opened) before the terminal touches any device: a typo stops the program with the
 * key, the file and the expected form, and leaves the hardware alone.
 *
 * @param camera    {@code camera.source}, default {@code none}
 * @param scanner   {@code scanner.source}, default {@code none}
 * @param nfcReader {@code nfc.reader}, default {@code none}
 * @param indicator {@code indicator}, default {@code console}
 */
public record TerminalSettings(TerminalIdentity identity, Path stateDir, VerificationPolicy policy, boolean demo,
                               String camera, String scanner, String nfcReader, String indicator,
                               OutboxSettings outbox, MqttSettings mqtt) {
    static final String NONE = "none";

    public TerminalSettings {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(mqtt, "mqtt");
    }

    public static TerminalSettings from(Configuration config) throws ConfigException {
        TerminalIdentity identity = TerminalIdentity.fromConfiguration(config);
        Path stateDir = config.path(ConfigKey.STATE_DIR);
        VerificationPolicy policy = PolicySettings.from(config);
        boolean demo = config.bool(ConfigKey.DEMO, false);

        String camera = config.string(ConfigKey.CAMERA_SOURCE).orElse(NONE);
        check(config, ConfigKey.CAMERA_SOURCE, () -> FrameSources.open(camera).close());
        String scanner = config.string(ConfigKey.SCANNER_SOURCE).orElse(NONE);
        check(config, ConfigKey.SCANNER_SOURCE, () -> ScannerUri.parse(scanner));
        String nfc = config.string(ConfigKey.NFC_READER).orElse(NONE);
        if (!NONE.equals(nfc)) {
            check(config, ConfigKey.NFC_READER, () -> Pn532Uri.parse(nfc));
        }
        String indicator = config.string(ConfigKey.INDICATOR).orElse("console");
        check(config, ConfigKey.INDICATOR, () -> IndicatorUri.parse(indicator));
        return new TerminalSettings(identity, stateDir, policy, demo, camera, scanner, nfc, indicator,
                OutboxSettings.fromConfiguration(config), MqttSettings.from(config, identity));
    }

    private static void check(Configuration config, ConfigKey key, Runnable parse) throws ConfigException {
        try {
            parse.run();
        } catch (IllegalArgumentException e) {
            throw config.problem(key, e.getMessage());
        }
    }
}
