package org.vitaleterminal.firmware.event;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.ConfigKey;
import org.vitaleterminal.firmware.config.Configuration;
import org.vitaleterminal.firmware.mqtt.MqttTopics;

/**
 * Who reports an event: the terminal and site ids (used in topics and events) and the optional
 * kind of site, as configured by {@code terminal.id}, {@code site.id} and {@code site.kind}.
 *
 * @param siteKind {@code pharmacy}, {@code hospital}, {@code practice}, {@code other}, or
 *                 {@code null} when not configured
 */
public record TerminalIdentity(String terminalId, String siteId, String siteKind) {
    private static final Set<String> SITE_KINDS = Set.of("pharmacy", "hospital", "practice", "other");

    public TerminalIdentity {
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(siteId, "siteId");
        if (!MqttTopics.isValidId(terminalId) || !MqttTopics.isValidId(siteId)) {
            throw new IllegalArgumentException("terminal and site ids are 1 to 64 of A-Z a-z 0-9 _ -");
        }
        if (siteKind != null && !SITE_KINDS.contains(siteKind)) {
            throw new IllegalArgumentException("site kind must be one of " + SITE_KINDS);
        }
    }

    /**
     * Reads {@code terminal.id}, {@code site.id} (both required) and {@code site.kind}.
     *
     * @throws ConfigException naming the key, its source and the expected form
     */
    public static TerminalIdentity fromConfiguration(Configuration configuration) throws ConfigException {
        String terminalId = configuration.requiredString(ConfigKey.TERMINAL_ID);
        String siteId = configuration.requiredString(ConfigKey.SITE_ID);
        Optional<String> siteKind = configuration.string(ConfigKey.SITE_KIND);
        // the ids become MQTT topic levels: the topics' rule is the one rule
        check(configuration, ConfigKey.TERMINAL_ID, terminalId, MqttTopics.isValidId(terminalId));
        check(configuration, ConfigKey.SITE_ID, siteId, MqttTopics.isValidId(siteId));
        if (siteKind.isPresent()) {
            check(configuration, ConfigKey.SITE_KIND, siteKind.get(), SITE_KINDS.contains(siteKind.get()));
        }
        return new TerminalIdentity(terminalId, siteId, siteKind.orElse(null));
    }

    private static void check(Configuration configuration, ConfigKey key, String value, boolean valid)
            throws ConfigException {
        if (!valid) {
            throw configuration.problem(key, "expected " + key.expectedForm() + ", got '" + value + "'");
        }
    }
}
