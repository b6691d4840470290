package org.vitaleterminal.dist.demo;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The demo's MQTT broker: Moquette inside the JVM, on a free loopback port, with its files in a
 * directory the demo owns, nothing kept on disk, and its usage telemetry off (Moquette 0.17
 * posts to telemetry.moquette.io at start unless told not to — the demo must work offline and
 * say nothing to anyone).
 */
public final class EmbeddedBroker implements DemoBroker {
    private static final String NETTY_NO_UNSAFE = "io.netty.noUnsafe";

    private final Server server;
    private final int port;

    private EmbeddedBroker(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a broker on a free port of 127.0.0.1. */
    public static EmbeddedBroker start(Path dataDirectory) throws IOException {
        // Netty reads this once, when its first class loads: without it JDK 24+ prints four lines
        // of sun.misc.Unsafe deprecation warnings at each demo start. A loopback broker carrying
        // a few messages a second does not need Netty's off-heap tricks.
        if (System.getProperty(NETTY_NO_UNSAFE) == null) {
            System.setProperty(NETTY_NO_UNSAFE, "true");
        }
        int port = freeLoopbackPort();
        Properties properties = new Properties();
        properties.setProperty(BrokerConstants.HOST_PROPERTY_NAME, "127.0.0.1");
        properties.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(port));
        properties.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        properties.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        properties.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.DATA_PATH_PROPERTY_NAME, dataDirectory.toAbsolutePath().toString());
        properties.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        properties.setProperty(BrokerConstants.METRICS_ENABLE_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.BUGSNAG_ENABLE_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.NETTY_EPOLL_PROPERTY_NAME, "false");
        Server server = new Server();
        server.startServer(properties);
        return new EmbeddedBroker(server, port);
    }

    @Override
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public String describe() {
        return "Moquette, in memory";
    }

    @Override
    public void close() {
        server.stopServer();
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
