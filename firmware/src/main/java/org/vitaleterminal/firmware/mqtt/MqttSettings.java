package org.vitaleterminal.firmware.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.ConfigKey;
import org.vitaleterminal.firmware.config.Configuration;
import org.vitaleterminal.firmware.event.TerminalIdentity;

/**
 * How the terminal talks to its broker.
 *
 * @param serverUri         {@code tcp://host:port} or {@code ssl://host:port}
 * @param topics            the terminal's topics; its terminal id is also the MQTT client id
 * @param tls               the socket factory for {@code ssl://} (absent for {@code tcp://})
 * @param keepAlive         MQTT keep-alive; the broker sends the Last Will about 1.5× this after
 *                          the terminal vanishes
 * @param connectTimeout    how long one connection attempt may take
 * @param window            events in flight (sent, not yet acknowledged) at most
 * @param telemetryInterval time between telemetry samples
 * @param backoffBase       first reconnect wait ceiling; doubles per failure
 * @param backoffCap        the largest reconnect wait ceiling
 */
public record MqttSettings(String serverUri, MqttTopics topics, Optional<SSLSocketFactory> tls, Duration keepAlive,
                           Duration connectTimeout, int window, Duration telemetryInterval, Duration backoffBase,
                           Duration backoffCap) {
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_WINDOW = 32;
    public static final Duration DEFAULT_TELEMETRY_INTERVAL = Duration.ofSeconds(60);
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(1);
    public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofMinutes(2);

    public MqttSettings {
        if (window < 1 || window > 1000) {
            throw new IllegalArgumentException("window must be 1 to 1000");
        }
        if (keepAlive.toSeconds() < 1 || connectTimeout.toSeconds() < 1 || telemetryInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("keep-alive, connect timeout and telemetry interval must be at least 1 s");
        }
    }

    /** Defaults for everything but the broker, the topics and TLS. */
    public static MqttSettings of(String serverUri, MqttTopics topics, Optional<SSLSocketFactory> tls) {
        return new MqttSettings(serverUri, topics, tls, DEFAULT_KEEP_ALIVE, DEFAULT_CONNECT_TIMEOUT, DEFAULT_WINDOW,
                DEFAULT_TELEMETRY_INTERVAL, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_CAP);
    }

    /**
     * From {@code mqtt.url}, {@code mqtt.telemetryInterval} and, for {@code ssl://}, {@code mqtt.ca}
     * with optionally {@code mqtt.cert} + {@code mqtt.key}; the topics from the terminal's identity
     * ({@code site.id}, {@code terminal.id}, already checked by {@link TerminalIdentity#fromConfiguration}).
     */
    public static MqttSettings from(Configuration config, TerminalIdentity identity) throws ConfigException {
        String url = config.requiredString(ConfigKey.MQTT_URL);
        String scheme = checkUrl(config, url);
        MqttTopics topics = new MqttTopics(identity.siteId(), identity.terminalId());
        Duration telemetry = config.duration(ConfigKey.MQTT_TELEMETRY_INTERVAL, DEFAULT_TELEMETRY_INTERVAL);
        if (telemetry.toSeconds() < 1) {
            throw config.problem(ConfigKey.MQTT_TELEMETRY_INTERVAL, "expected " + ConfigKey.MQTT_TELEMETRY_INTERVAL.expectedForm());
        }
        Optional<SSLSocketFactory> tls = Optional.empty();
        if (scheme.equals("ssl")) {
            tls = Optional.of(tls(config));
        } else if (config.string(ConfigKey.MQTT_CERT).isPresent() || config.string(ConfigKey.MQTT_KEY).isPresent()) {
            throw config.problem(ConfigKey.MQTT_URL, "a client certificate is configured (mqtt.cert/mqtt.key) but the "
                    + "URL is not ssl://; refusing to send it in clear");
        }
        return of(url, topics, tls).withTelemetryInterval(telemetry);
    }

    public MqttSettings withTelemetryInterval(Duration interval) {
        return new MqttSettings(serverUri, topics, tls, keepAlive, connectTimeout, window, interval, backoffBase, backoffCap);
    }

    public MqttSettings withBackoff(Duration base, Duration cap) {
        return new MqttSettings(serverUri, topics, tls, keepAlive, connectTimeout, window, telemetryInterval, base, cap);
    }

    public MqttSettings withWindow(int newWindow) {
        return new MqttSettings(serverUri, topics, tls, keepAlive, connectTimeout, newWindow, telemetryInterval,
                backoffBase, backoffCap);
    }

    private static String checkUrl(Configuration config, String url) throws ConfigException {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if ((!"tcp".equals(scheme) && !"ssl".equals(scheme)) || uri.getHost() == null || uri.getPort() < 1
                    || uri.getPort() > 65535 || (uri.getPath() != null && !uri.getPath().isEmpty())
                    || uri.getQuery() != null || uri.getUserInfo() != null) {
                throw config.problem(ConfigKey.MQTT_URL, "expected " + ConfigKey.MQTT_URL.expectedForm() + ", got '" + url + "'");
            }
            return scheme;
        } catch (URISyntaxException e) {
            throw config.problem(ConfigKey.MQTT_URL, "expected " + ConfigKey.MQTT_URL.expectedForm() + ", got '" + url + "'");
        }
    }

    private static SSLSocketFactory tls(Configuration config) throws ConfigException {
        PemTls.PemFile ca = new PemTls.PemFile(ConfigKey.MQTT_CA.key(), config.path(ConfigKey.MQTT_CA));
        Optional<PemTls.PemFile> cert = config.optionalPath(ConfigKey.MQTT_CERT)
                .map(p -> new PemTls.PemFile(ConfigKey.MQTT_CERT.key(), p));
        Optional<PemTls.PemFile> key = config.optionalPath(ConfigKey.MQTT_KEY)
                .map(p -> new PemTls.PemFile(ConfigKey.MQTT_KEY.key(), p));
        try {
            return PemTls.socketFactory(ca, cert, key);
        } catch (PemTls.TlsSetupException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
