package org.vitaleterminal.dist.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void carriesRetainedAndPlainMessagesOnLoopbackAndFreesItsPort() throws Exception {
        URI url;
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir)) {
            url = URI.create(broker.url());
            assertEquals("127.0.0.1", url.getHost());
            MqttClient publisher = new MqttClient(broker.url(), "pub", new MemoryPersistence());
            MqttClient subscriber = new MqttClient(broker.url(), "sub", new MemoryPersistence());
            try {
                publisher.connect();
                publisher.publish("vt/v1/s/t/status", "{\"state\":\"online\"}".getBytes(StandardCharsets.UTF_8), 1, true);
                BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
                subscriber.connect();
                subscriber.subscribe("vt/v1/s/t/#", 1, (topic, message) -> received.add(topic + " " + text(message)));
                assertEquals("vt/v1/s/t/status {\"state\":\"online\"}", received.poll(10, TimeUnit.SECONDS),
                        "the retained status reaches a late subscriber");
                publisher.publish("vt/v1/s/t/fse", "{\"seq\":1}".getBytes(StandardCharsets.UTF_8), 1, false);
                String event = received.poll(10, TimeUnit.SECONDS);
                assertNotNull(event);
                assertTrue(event.startsWith("vt/v1/s/t/fse"), event);
            } finally {
                publisher.disconnect();
                publisher.close();
                subscriber.disconnect();
                subscriber.close();
            }
        }
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 1000);
            }
        }, "nothing listens once the broker is closed");
    }

    private static String text(MqttMessage message) {
        return new String(message.getPayload(), StandardCharsets.UTF_8);
    }
}
