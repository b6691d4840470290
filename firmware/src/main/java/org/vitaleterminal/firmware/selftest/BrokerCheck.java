package org.vitaleterminal.firmware.selftest;

import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.vitaleterminal.firmware.mqtt.MqttSettings;

/**
 * Connects to the broker once, exactly as the terminal does (same URL, TLS material and hostname
 * verification), then disconnects. The client id is the terminal id plus
 * {@value #CLIENT_ID_SUFFIX}: with the terminal's own id the broker would close the running
 * service's session. No Last Will is set and nothing is published, so the terminal's status
 * topic is left alone.
 */
public final class BrokerCheck implements Check {
    static final String CLIENT_ID_SUFFIX = "-selftest";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final MqttSettings settings;
    private final Duration connectTimeout;

    public BrokerCheck(MqttSettings settings, Duration connectTimeout) {
        if (connectTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("Paho's connection timeout counts whole seconds, at least 1");
        }
        this.settings = settings;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public CheckResult run() {
        String clientId = settings.topics().terminalId() + CLIENT_ID_SUFFIX;
        String uri = settings.serverUri();
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) connectTimeout.toSeconds());
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setHttpsHostnameVerificationEnabled(true);
        settings.tls().ifPresent(options::setSocketFactory);
        MqttClient client = null;
        try {
            client = new MqttClient(uri, clientId, new MemoryPersistence());
            client.setTimeToWait(connectTimeout.plusSeconds(2).toMillis());
            client.connect(options);
            disconnect(client);
            return CheckResult.pass(uri + ": connected as " + clientId
                    + (settings.tls().isPresent() ? " over TLS" : " (tcp://, not encrypted)"));
        } catch (MqttException e) {
            CheckResult failure = new BrokerFailure(uri, settings.topics().terminalId(), connectTimeout.toSeconds())
                    .explain(e);
            return new CheckResult(failure.status(), uri + ": " + failure.detail(), failure.fix());
        } finally {
            if (client != null) {
                try {
                    client.close(true);
                } catch (MqttException ignored) {
                    // closing a client that never connected may complain; nothing is held open
                }
            }
        }
    }

    private static void disconnect(MqttClient client) {
        try {
            client.disconnect(1000);
        } catch (MqttException ignored) {
            // the connection was made, which is what the check is about; close() below ends it anyway
        }
    }

    @Override
    public String fixWhenStuck() {
        return "check the network and the broker (" + settings.serverUri() + "); see its log";
    }
}
