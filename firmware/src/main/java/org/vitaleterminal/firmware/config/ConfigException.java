package org.vitaleterminal.firmware.config;

/**
 * A configuration problem, always naming the key, where its value came from (the file or the
 * {@code VT_*} environment variable) and the form that was expected.
 */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message, null, false, false);
    }

    static ConfigException invalid(ConfigKey key, String source, String value) {
        return new ConfigException(key.key() + " (" + source + "): expected " + key.expectedForm() + ", got '"
                + value + "'");
    }

    static ConfigException missing(ConfigKey key, String source) {
        return new ConfigException(key.key() + " (" + source + "): missing; expected " + key.expectedForm());
    }
}
