package org.vitaleterminal.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Mosquitto on a free loopback port, anonymous, no persistence, never dropping queued messages. */
public final class LocalMosquitto implements AutoCloseable {
    final int port;
    private final Process process;

    private LocalMosquitto(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static LocalMosquitto start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path conf = Files.writeString(dir.resolve("mosquitto.conf"),
                ("root".equals(System.getProperty("user.name")) ? "user root\n" : "")
                        + "persistence false\nmax_queued_messages 0\nlistener " + port
                        + " 127.0.0.1\nallow_anonymous true\n");
        Process process = new ProcessBuilder(mosquitto(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        LocalMosquitto broker = new LocalMosquitto(port, process);
        for (int i = 0; i < 500; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
                return broker;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
        }
        broker.close();
        throw new IOException("mosquitto did not start on port " + port + ": " + Files.readString(dir.resolve("mosquitto.log")));
    }

    private static String mosquitto() {
        for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "mosquitto";
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
