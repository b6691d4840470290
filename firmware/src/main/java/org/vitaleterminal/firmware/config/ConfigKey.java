package org.vitaleterminal.firmware.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The configuration keys of the terminal (terminal-cli spec §2), each with the form an operator
 * must write. Unknown keys are refused, so a typo never silently falls back to a default.
 */
public enum ConfigKey {
    TERMINAL_ID("terminal.id", "1 to 64 of A-Z a-z 0-9 _ - (e.g. pharma-0042-t1)"),
    SITE_ID("site.id", "1 to 64 of A-Z a-z 0-9 _ - (e.g. 750012345)"),
    SITE_KIND("site.kind", "one of pharmacy, hospital, practice, other"),
    STATE_DIR("state.dir", "a directory path (e.g. /var/lib/vitale-terminal)"),
    OUTBOX_CAPACITY("outbox.capacity", "a whole number of events from 1 to 10000000 (e.g. 100000)"),
    TRUST_ROOTS("trust.roots", "comma-separated PEM file paths or globs (e.g. /etc/vitale-terminal/roots/*.pem)"),
    TRUST_LIST("trust.list", "a trust-list file path (e.g. /etc/vitale-terminal/trust-list.cose)"),
    TRUST_GRACE("trust.grace", "an ISO-8601 duration (e.g. PT72H)"),
    PRESENTATION_MAX_AGE("presentation.maxAge", "an ISO-8601 duration (e.g. PT120S)"),
    PRESENTATION_MAX_FUTURE("presentation.maxFuture", "an ISO-8601 duration (e.g. PT30S)"),
    CAMERA_SOURCE("camera.source", "rpicam:..., v4l2:DEVICE,..., dir:PATH,..., file:PATH or none"),
    SCANNER_SOURCE("scanner.source", "evdev:DEVICE[,layout=us|fr], serial:DEVICE or none"),
    NFC_READER("nfc.reader", "pn532:i2c:BUS:ADDRESS, pn532:spi:BUS.CS, pn532:uart:DEVICE or none"),
    INDICATOR("indicator", "gpio:green=PIN,red=PIN,buzzer=PIN, console or none"),
    MQTT_URL("mqtt.url", "ssl://HOST:PORT or tcp://HOST:PORT"),
    MQTT_CA("mqtt.ca", "a PEM file path"),
    MQTT_CERT("mqtt.cert", "a PEM file path"),
    MQTT_KEY("mqtt.key", "a PEM file path"),
    MQTT_TELEMETRY_INTERVAL("mqtt.telemetryInterval", "an ISO-8601 duration of at least PT1S (e.g. PT60S)"),
    DEMO("demo", "true or false");

    private final String key;
    private final String expectedForm;

    ConfigKey(String key, String expectedForm) {
        this.key = key;
        this.expectedForm = expectedForm;
    }

    /** The key as written in the properties file. */
    public String key() {
        return key;
    }

    public String expectedForm() {
        return expectedForm;
    }

    /** {@code VT_} + the key upper-cased with dots as underscores, e.g. {@code VT_TRUST_GRACE}. */
    public String environmentVariable() {
        return "VT_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
