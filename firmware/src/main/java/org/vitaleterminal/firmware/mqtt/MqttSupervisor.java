package org.vitaleterminal.firmware.mqtt;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.vitaleterminal.firmware.outbox.Outbox;
import org.vitaleterminal.firmware.outbox.OutboxException;
import org.vitaleterminal.firmware.trust.TrustUpdates;
import org.vitaleterminal.firmware.trust.TrustUpdateOutcome;

/**
 * Keeps the terminal connected to its broker and does everything that needs the connection, on
 * one thread of its own:
 * <ul>
 * <li>connects with exponential backoff and full jitter — the first connection too (Paho's
 * automatic reconnect covers neither the first attempt nor jitter, platform notes §2.1); clean
 * session, in-memory Paho persistence (the outbox, not Paho, is the durable store), Last Will
 * {@code {"state":"offline"}} retained on the status topic;</li>
 * <li>on each connection publishes the retained {@code online} status and subscribes to
 * {@code vt/v1/trust};</li>
 * <li>drains the outbox through an {@link OutboxPublisher};</li>
 * <li>publishes telemetry at QoS 0 every interval;</li>
 * <li>hands trust lists from the topic to the {@link TrustUpdates} (the {@code TrustListUpdater}) and re-publishes the
 * status when one is installed;</li>
 * <li>on {@link #stop(Duration)}: sends what the broker takes before the deadline, publishes the
 * retained {@code offline} status and disconnects.</li>
 * </ul>
 * The decision path only calls {@link #wake()} after an append, which never blocks. Paho's
 * callbacks only queue what happened and ring the same doorbell.
 */
public final class MqttSupervisor {
    private static final System.Logger LOG = System.getLogger(MqttSupervisor.class.getName());
    private static final Object RING = new Object();
    /** Paho's own in-flight limit leaves room for the status publishes beside the window. */
    private static final int PAHO_INFLIGHT_MARGIN = 8;
    private static final Duration FINAL_PUBLISH_MIN = Duration.ofSeconds(2);
    private static final Duration OUTBOX_RETRY = Duration.ofSeconds(1);

    private final MqttSettings settings;
    private final Outbox outbox;
    private final OutboxPublisher publisher;
    private final Supplier<TerminalStatus> status;
    private final Supplier<Telemetry> telemetry;
    private final Optional<TrustUpdates> trustUpdates;
    private final Clock clock;
    private final Backoff backoff;

    private final BlockingQueue<Object> doorbell = new ArrayBlockingQueue<>(1);
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final AtomicReference<byte[]> pendingTrustList = new AtomicReference<>();
    private final AtomicInteger connectAttempts = new AtomicInteger();
    /** The newest session whose connection was lost; sessions only grow, so late callbacks cannot undo it. */
    private final AtomicLong lostSession = new AtomicLong(-1);
    private volatile boolean crashed;
    private volatile boolean stopRequested;
    private volatile long stopDeadlineNanos;
    private volatile boolean connected;
    private volatile MqttAsyncClient liveClient;
    private final Thread thread;

    /** Which session an event was sent in, carried through Paho as the token's user context. */
    private record Ack(long session, long seq) {}

    public MqttSupervisor(MqttSettings settings, Outbox outbox, Supplier<TerminalStatus> status,
                          Supplier<Telemetry> telemetry, Optional<TrustUpdates> trustUpdates, Clock clock,
                          Backoff backoff) {
        this.settings = settings;
        this.outbox = outbox;
        this.publisher = new OutboxPublisher(outbox, settings.window());
        this.status = status;
        this.telemetry = telemetry;
        this.trustUpdates = trustUpdates;
        this.clock = clock;
        this.backoff = backoff;
        this.thread = new Thread(this::run, "mqtt-supervisor-" + settings.topics().terminalId());
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** New events are in the outbox. Never blocks. */
    public void wake() {
        doorbell.offer(RING);
    }

    /** Whether the supervisor's thread runs (connected or not): for the systemd watchdog. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    public boolean isConnected() {
        return connected;
    }

    /** Connection attempts made so far (successful or not). */
    public int connectAttempts() {
        return connectAttempts.get();
    }

    /**
     * Sends what the broker accepts within {@code deadline}, publishes the retained
     * {@code offline} status, disconnects and returns when the thread has ended. The caller
     * stops appending first.
     */
    public void stop(Duration deadline) throws InterruptedException {
        stopDeadlineNanos = System.nanoTime() + deadline.toNanos();
        stopRequested = true;
        wake();
        // The final status and a connection attempt in progress may each take a little longer.
        long joinMillis = deadline.plus(settings.connectTimeout()).plus(FINAL_PUBLISH_MIN.multipliedBy(3)).toMillis();
        thread.join(joinMillis);
        if (thread.isAlive()) {
            LOG.log(Level.WARNING, "MQTT supervisor did not stop in time; interrupting it");
            thread.interrupt();
            thread.join(FINAL_PUBLISH_MIN.toMillis());
        }
    }

    /**
     * What a power cut looks like to the broker: the connection closes without DISCONNECT, so
     * the broker publishes the Last Will. The thread ends. For tests of the broker side.
     */
    void crash() throws InterruptedException {
        crashed = true;
        stopRequested = true;
        stopDeadlineNanos = System.nanoTime();
        MqttAsyncClient client = liveClient;
        if (client != null) {
            try {
                client.disconnectForcibly(0, 0, false);
            } catch (MqttException e) {
                LOG.log(Level.DEBUG, "forced disconnect: {0}", e.getMessage());
            }
        }
        wake();
        thread.join(settings.connectTimeout().plus(FINAL_PUBLISH_MIN).toMillis());
    }

    private void run() {
        long session = 0;
        int failures = 0;
        try {
            while (!stopRequested) {
                MqttAsyncClient client = connect(++session);
                if (client == null) {
                    failures++;
                    Duration wait = backoff.delay(failures);
                    LOG.log(Level.INFO, "MQTT broker {0} not reachable (attempt {1}); next attempt in {2} ms",
                            settings.serverUri(), failures, wait.toMillis());
                    sleepUnlessStopped(wait);
                    continue;
                }
                failures = 0;
                connected = true;
                liveClient = client;
                try {
                    serve(client, session);
                    if (stopRequested && !crashed && !lost(session)) {
                        shutDown(client, session);
                    }
                } finally {
                    connected = false;
                    liveClient = null;
                    close(client);
                }
                if (!stopRequested) {
                    // A broker that drops us right away must not be hammered: wait as after one failure.
                    sleepUnlessStopped(backoff.delay(1));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "MQTT supervisor stopped by an unexpected error", e);
            throw e;
        }
    }

    /** One connection attempt; the client when connected, {@code null} after a failure. */
    private MqttAsyncClient connect(long session) throws InterruptedException {
        connectAttempts.incrementAndGet();
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(settings.serverUri(), settings.topics().terminalId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("invalid MQTT client settings: " + e.getMessage(), e);
        }
        client.setCallback(new Callback(session));
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        options.setConnectionTimeout((int) settings.connectTimeout().toSeconds());
        options.setMaxInflight(settings.window() + PAHO_INFLIGHT_MARGIN);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setWill(settings.topics().status(), StatusJson.LAST_WILL, 1, true);
        options.setHttpsHostnameVerificationEnabled(true);
        settings.tls().ifPresent(options::setSocketFactory);
        try {
            client.connect(options).waitForCompletion(settings.connectTimeout().plusSeconds(5).toMillis());
            LOG.log(Level.INFO, "connected to MQTT broker {0} as {1}", settings.serverUri(),
                    settings.topics().terminalId());
            return client;
        } catch (MqttException e) {
            if (e.getCause() instanceof InterruptedException) {
                close(client);
                throw new InterruptedException("interrupted while connecting");
            }
            LOG.log(Level.DEBUG, "connection to {0} failed: {1}", settings.serverUri(), describe(e));
            close(client);
            return null;
        }
    }

    /** The connected life: returns on connection loss or when a stop is requested. */
    private void serve(MqttAsyncClient client, long session) throws InterruptedException {
        publisher.startSession(session);
        publishStatus(client, StatusJson.State.ONLINE);
        try {
            client.subscribe(MqttTopics.TRUST, 1, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    LOG.log(Level.DEBUG, "subscribed to {0}", MqttTopics.TRUST);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable problem) {
                    LOG.log(Level.WARNING, "cannot subscribe to {0}: {1}", MqttTopics.TRUST, String.valueOf(problem));
                }
            });
        } catch (MqttException e) {
            markLost(session);
        }
        long interval = settings.telemetryInterval().toNanos();
        long nextTelemetry = System.nanoTime() + interval;
        while (!stopRequested && !lost(session)) {
            takeAcks();
            takeTrustList(client);
            boolean outboxOk = pump(client);
            long now = System.nanoTime();
            if (now - nextTelemetry >= 0) {
                publishTelemetry(client);
                nextTelemetry = now + interval;
            }
            long waitNanos = Math.max(0, nextTelemetry - now);
            if (!outboxOk) {
                waitNanos = Math.min(waitNanos, OUTBOX_RETRY.toNanos());
            }
            doorbell.poll(waitNanos, TimeUnit.NANOSECONDS);
        }
        if (lost(session)) {
            LOG.log(Level.INFO, "connection to MQTT broker {0} lost; {1} event(s) will be sent again",
                    settings.serverUri(), publisher.inFlight());
        }
    }

    /** Graceful stop: drain within the deadline, then the retained offline status, then DISCONNECT. */
    private void shutDown(MqttAsyncClient client, long session) throws InterruptedException {
        while (!lost(session)) {
            takeAcks();
            pump(client);
            long remaining = stopDeadlineNanos - System.nanoTime();
            if (publisher.idle() || remaining <= 0) {
                break;
            }
            doorbell.poll(remaining, TimeUnit.NANOSECONDS);
        }
        takeAcks();
        if (lost(session)) {
            return;
        }
        long left = Math.max(stopDeadlineNanos - System.nanoTime(), FINAL_PUBLISH_MIN.toNanos());
        try {
            IMqttDeliveryToken offline = client.publish(settings.topics().status(),
                    statusPayload(StatusJson.State.OFFLINE), 1, true);
            offline.waitForCompletion(TimeUnit.NANOSECONDS.toMillis(left));
            client.disconnect(0).waitForCompletion(FINAL_PUBLISH_MIN.toMillis());
            LOG.log(Level.INFO, "disconnected from MQTT broker {0}; {1} event(s) left in the outbox",
                    settings.serverUri(), outbox.depth());
        } catch (MqttException e) {
            LOG.log(Level.WARNING, "clean disconnect from {0} failed: {1}", settings.serverUri(), describe(e));
        }
    }

    private boolean pump(MqttAsyncClient client) {
        try {
            publisher.pump((event, session) -> send(client, event.payload(), event.seq(), session));
            return true;
        } catch (OutboxException e) {
            LOG.log(Level.WARNING, "cannot read the outbox: {0}", e.getMessage());
            return false;
        }
    }

    private boolean send(MqttAsyncClient client, byte[] payload, long seq, long session) {
        try {
            client.publish(settings.topics().fse(), payload, 1, false, new Ack(session, seq), ackListener);
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttException.REASON_CODE_MAX_INFLIGHT) {
                LOG.log(Level.DEBUG, "publish refused: {0}", describe(e));
            }
            return false;
        }
    }

    private final IMqttActionListener ackListener = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            if (token.getUserContext() instanceof Ack ack) {
                acks.add(ack);
                wake();
            }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable problem) {
            // Only a new session resends; so a failed publish ends this one.
            if (token.getUserContext() instanceof Ack ack) {
                markLost(ack.session());
                wake();
            }
        }
    };

    private void takeAcks() {
        for (Ack ack = acks.poll(); ack != null; ack = acks.poll()) {
            try {
                publisher.acknowledged(ack.seq(), ack.session());
            } catch (OutboxException e) {
                // The event stays stored and is sent again later: a duplicate, never a loss.
                LOG.log(Level.WARNING, "cannot remove acknowledged event seq {0} from the outbox: {1}", ack.seq(),
                        e.getMessage());
            }
        }
    }

    private void takeTrustList(MqttAsyncClient client) {
        byte[] bytes = pendingTrustList.getAndSet(null);
        if (bytes == null || trustUpdates.isEmpty()) {
            return;
        }
        if (bytes.length == 0) {
            LOG.log(Level.INFO, "retained trust list cleared on {0}; keeping the list in use", MqttTopics.TRUST);
            return;
        }
        TrustUpdateOutcome outcome = trustUpdates.get().offer(bytes, "mqtt " + MqttTopics.TRUST);
        if (outcome.changed()) {
            publishStatus(client, StatusJson.State.ONLINE);
        }
    }

    private void publishStatus(MqttAsyncClient client, StatusJson.State state) {
        try {
            client.publish(settings.topics().status(), statusPayload(state), 1, true);
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "status publish refused: {0}", describe(e));
        }
    }

    /** The status from the supplier; if gathering it fails, at least the state and the time. */
    private byte[] statusPayload(StatusJson.State state) {
        try {
            return StatusJson.of(state, clock.instant(), status.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "status supplier failed: {0}", e.toString());
            return StatusJson.minimal(state, clock.instant());
        }
    }

    private boolean lost(long session) {
        return lostSession.get() >= session;
    }

    private void markLost(long session) {
        lostSession.accumulateAndGet(session, Math::max);
    }

    private void publishTelemetry(MqttAsyncClient client) {
        try {
            client.publish(settings.topics().telemetry(), TelemetryJson.of(clock.instant(), telemetry.get()), 0, false);
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "telemetry publish refused: {0}", describe(e));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "telemetry sample failed: {0}", e.toString());
        }
    }

    private void sleepUnlessStopped(Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0 && !stopRequested; left = until - System.nanoTime()) {
            doorbell.poll(left, TimeUnit.NANOSECONDS);
        }
    }

    private static void close(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000, false);
            }
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "forced disconnect: {0}", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "close: {0}", e.getMessage());
        }
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        return "reason " + e.getReasonCode() + " " + e.getMessage()
                + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
    }

    /** Paho's callbacks only record what happened; the supervisor's thread acts on it. */
    private final class Callback implements MqttCallback {
        private final long session;

        Callback(long session) {
            this.session = session;
        }

        @Override
        public void connectionLost(Throwable cause) {
            markLost(session);
            wake();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (MqttTopics.TRUST.equals(topic)) {
                pendingTrustList.set(message.getPayload());
                wake();
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Acknowledgements arrive through the publish listener, which carries the seq.
        }
    }
}
