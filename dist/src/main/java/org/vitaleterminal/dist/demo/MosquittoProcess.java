package org.vitaleterminal.dist.demo;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code --broker mosquitto}: the Mosquitto installed on this machine, as a child process
 * listening on a free loopback port, anonymous, nothing kept on disk, its log in the demo's
 * folder. Stopped (SIGTERM, then SIGKILL) when the demo ends.
 */
public final class MosquittoProcess implements DemoBroker {
    private static final long START_TIMEOUT_MS = 10_000;

    private final Process process;
    private final int port;

    private MosquittoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The {@code mosquitto} on PATH or in /usr/sbin (where Debian puts it), if any. */
    public static Optional<Path> executable() {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(path == null ? List.of() : List.of(path.split(File.pathSeparator)));
        dirs.add("/usr/sbin");
        return dirs.stream().map(dir -> Path.of(dir, "mosquitto")).filter(Files::isExecutable).findFirst();
    }

    /** Starts it and waits until it accepts connections. */
    public static MosquittoProcess start(Path executable, Path dataDirectory) throws IOException {
        int port = EmbeddedBroker.freeLoopbackPort();
        Path config = dataDirectory.resolve("mosquitto.conf");
        // mosquitto started as root drops to user "mosquitto" unless told otherwise; the demo's
        // folder belongs to whoever runs the demo
        String user = "root".equals(System.getProperty("user.name")) ? "user root\n" : "";
        Files.writeString(config, user + "persistence false\nallow_anonymous true\n"
                + "log_dest stderr\nlog_type error\nlog_type warning\n"
                + "listener " + port + " 127.0.0.1\n", StandardCharsets.US_ASCII);
        Process process = new ProcessBuilder(executable.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("mosquitto.log").toFile()))
                .start();
        MosquittoProcess broker = new MosquittoProcess(process, port);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return broker;
            } catch (IOException notYet) {
                pause();
            }
        }
        broker.close();
        throw new IOException("mosquitto did not start on port " + port + " (see "
                + dataDirectory.resolve("mosquitto.log") + ")");
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while mosquitto starts");
        }
    }

    @Override
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public String describe() {
        return "Mosquitto, pid " + process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
