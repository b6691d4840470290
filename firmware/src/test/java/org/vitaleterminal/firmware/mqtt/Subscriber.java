package org.vitaleterminal.firmware.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The back end's side in tests: a Paho client subscribed at QoS 1 that records every message.
 * With {@code durable} it keeps a persistent session, so the broker queues messages for it while
 * either side is down, and it reconnects by itself.
 */
public final class Subscriber implements AutoCloseable {
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    public record Message(String topic, String payload, boolean retained) {}

    private final MqttClient client;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final String filter;

    Subscriber(String url, String clientId, String filter, boolean durable, SSLSocketFactory tls) throws MqttException {
        this.filter = filter;
        client = new MqttClient(url, clientId, new MemoryPersistence());
        options.setCleanSession(!durable);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(500);
        options.setConnectionTimeout(5);
        if (tls != null) {
            options.setSocketFactory(tls);
        }
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {}

            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                messages.add(new Message(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                        message.isRetained()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        client.connect(options);
        client.subscribe(filter, 1);
    }

    public Subscriber(String url, String clientId, String filter) throws MqttException {
        this(url, clientId, filter, false, null);
    }

    /** Waits for the next message, or null after {@code timeout}. */
    Message next(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the next message on {@code topic}, skipping others. */
    public Message next(String topic, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Message message = messages.poll(left, TimeUnit.NANOSECONDS);
            if (message != null && message.topic().equals(topic)) {
                return message;
            }
        }
        return null;
    }

    /** Collects the {@code seq} of fse messages until {@code distinct} different ones were seen. */
    public List<Long> seqsUntil(int distinct, Duration timeout) throws InterruptedException {
        List<Long> seqs = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.size() < distinct) {
            long left = deadline - System.nanoTime();
            Message message = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
            if (message == null) {
                break;
            }
            if (message.topic().endsWith("/fse")) {
                long seq = seqOf(message.payload());
                seqs.add(seq);
                seen.add(seq);
            }
        }
        return seqs;
    }

    public List<Message> drain() {
        List<Message> all = new ArrayList<>();
        messages.drainTo(all);
        return all;
    }

    static long seqOf(String payload) {
        Matcher matcher = SEQ.matcher(payload);
        if (!matcher.find()) {
            throw new AssertionError("no seq in " + payload);
        }
        return Long.parseLong(matcher.group(1));
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
        } catch (MqttException ignored) {
            // the broker may be gone already
        }
        client.close(true);
    }
}
