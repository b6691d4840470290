package org.vitaleterminal.firmware.mqtt;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto broker for one test: a generated configuration in a temporary directory, a
 * listener on a free loopback port, started and stopped (and restarted on the same port) as a
 * child process. Without Mosquitto installed the test is skipped locally and fails under
 * {@code CI=true} (.ci/run installs the Debian package {@code mosquitto}).
 */
public final class MosquittoBroker implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 10_000;

    private final Path dir;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private MosquittoBroker(Path dir, int port, String listenerSettings) throws IOException {
        this.dir = dir;
        this.port = port;
        this.config = dir.resolve("mosquitto.conf");
        this.log = dir.resolve("mosquitto.log");
        String user = "root".equals(System.getProperty("user.name")) ? "user root\n" : "";
        Files.writeString(config, user
                // persistence lets durable test subscribers keep their queue across a broker restart
                + "persistence true\npersistence_location " + dir + "/\n"
                + "max_queued_messages 0\n"
                + "log_dest stderr\n"
                + "log_type error\nlog_type warning\nlog_type notice\nlog_type information\n"
                + "listener " + port + " 127.0.0.1\n"
                + listenerSettings, StandardCharsets.US_ASCII);
    }

    /** Anonymous clients, no TLS. */
    public static MosquittoBroker plain(Path dir) throws IOException {
        return new MosquittoBroker(requireMosquitto(dir), freePort(), "allow_anonymous true\n");
    }

    /**
     * TLS with client certificates (the CN becomes the user name) and the ACL of docs/mqtt.md:
     * a terminal writes only below its own id, reads only the trust list.
     */
    static MosquittoBroker tls(Path dir, TestPki pki) throws IOException {
        return tls(dir, pki, new TestPki.Identity(pki.serverCert(), pki.serverKey()));
    }

    /** As {@link #tls(Path, TestPki)} with another broker certificate. */
    static MosquittoBroker tls(Path dir, TestPki pki, TestPki.Identity server) throws IOException {
        Path acl = Files.writeString(dir.resolve("acl"), """
                pattern write vt/v1/+/%u/fse
                pattern write vt/v1/+/%u/status
                pattern write vt/v1/+/%u/telemetry
                pattern read vt/v1/trust

                user fse-backend
                topic read vt/v1/#

                user trust-publisher
                topic write vt/v1/trust
                """);
        return new MosquittoBroker(requireMosquitto(dir), freePort(), "allow_anonymous false\n"
                + "cafile " + pki.caFile() + "\n"
                + "certfile " + server.cert() + "\n"
                + "keyfile " + server.key() + "\n"
                + "require_certificate true\n"
                + "use_identity_as_username true\n"
                + "tls_version tlsv1.2\n"
                + "acl_file " + acl + "\n");
    }

    public int port() {
        return port;
    }

    public String tcpUrl() {
        return "tcp://127.0.0.1:" + port;
    }

    String sslUrl(String host) {
        return "ssl://" + host + ":" + port;
    }

    /** Starts the broker and waits until it accepts connections. */
    public MosquittoBroker start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        process = new ProcessBuilder(executable().toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("mosquitto exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return this;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        stop();
        fail("mosquitto did not listen on port " + port + " within " + START_TIMEOUT_MS + " ms:\n" + log());
        return this;
    }

    /** Stops it (SIGTERM, then SIGKILL after 5 s) and waits for the process to end. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        process = null;
    }

    MosquittoBroker restart() throws IOException, InterruptedException {
        stop();
        return start();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** {@code mosquitto_sub}/{@code mosquitto_pub}: skipped locally, a failure under CI when missing. */
    static Path requireTool(String name) {
        return find(name).orElseGet(() -> missing(name + " not found on PATH: install the Debian package mosquitto-clients"));
    }

    private static Path requireMosquitto(Path dir) {
        executable();
        return dir;
    }

    private static Path executable() {
        return find("mosquitto").or(() -> Optional.of(Path.of("/usr/sbin/mosquitto")).filter(Files::isExecutable))
                .orElseGet(() -> missing("mosquitto not found: install the Debian package mosquitto"));
    }

    private static Path missing(String message) {
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: a real broker is required there)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    private static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(path == null ? List.of() : List.of(path.split(File.pathSeparator)));
        dirs.add("/usr/sbin");
        for (String d : dirs) {
            Path candidate = Path.of(d, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
