package org.vitaleterminal.dist.demo;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The demo's back end: an MQTT subscriber on the terminal's topics that prints one line per
 * message ({@link EventLine}) and keeps the tally for the summary. It subscribes before the
 * terminal starts, so it sees every event from {@code seq} 1 and the first {@code online}.
 */
public final class EventPrinter implements AutoCloseable {
    private final MqttClient client;

    private EventPrinter(MqttClient client) {
        this.client = client;
    }

    /**
     * Connects to {@code brokerUrl} and subscribes to {@code vt/v1/{siteId}/{terminalId}/#} at QoS 1.
     *
     * @throws MqttException when the broker cannot be reached
     */
    public static EventPrinter subscribe(String brokerUrl, String topicPrefix, DemoConsole console, EventTally tally)
            throws MqttException {
        MqttClient client = new MqttClient(brokerUrl, "demo-back-end", new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                console.info("back end: connection to the broker lost");
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
                String line = EventLine.of(topic, payload);
                if (topic.endsWith("/fse")) {
                    tally.recordEvent(JsonFields.of(payload));
                    console.event(line);
                } else if (line != null) {
                    if (topic.endsWith("/status")) {
                        tally.recordStatus(JsonFields.of(payload).getOrDefault("state", "?"));
                    }
                    console.info(line);
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setConnectionTimeout(5);
        try {
            client.connect(options);
            client.subscribe(topicPrefix + "#", 1);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return new EventPrinter(client);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
        } catch (MqttException e) {
            // the broker is going away too; closing below frees the client's threads either way
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing left to free
        }
    }
}
