package org.vitaleterminal.firmware.outbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the test class path, for the durability tests that kill it with SIGKILL. Its
 * stdout goes to a file rather than a pipe: what a killed process wrote is in the file whole,
 * with no reader thread to race the kill, and its reports are the complete lines there.
 */
public final class ChildJvm {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code main} with {@code arguments} in a quick-starting JVM.
     *
     * @param tmp       the child's {@code java.io.tmpdir} (SQLite's native library lands there)
     * @param logPrefix stdout goes to {@code logPrefix.out}, stderr to {@code logPrefix.err}
     */
    public static ChildJvm start(Class<?> main, List<String> arguments, Path tmp, Path logPrefix) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + tmp, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(arguments);
        Path out = Path.of(logPrefix + ".out");
        Path err = Path.of(logPrefix + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        return new ChildJvm(process, out, err);
    }

    public Process process() {
        return process;
    }

    /** Waits until a complete line starting with {@code prefix} was printed; false if it never comes. */
    public boolean awaitLine(String prefix, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (hasLine(prefix)) {
                return true;
            }
            if (!process.isAlive()) {
                return hasLine(prefix); // it may have printed the line just before it ended
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** SIGKILL (on Linux); true when the child was still running. */
    public boolean kill() throws InterruptedException {
        boolean alive = process.isAlive();
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "child did not die");
        return alive;
    }

    /** The complete lines printed so far; a line the kill cut off has no newline and is no report. */
    public List<String> lines() {
        String text;
        try {
            text = Files.readString(stdout, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return List.of();
        }
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    public String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    private boolean hasLine(String prefix) {
        return lines().stream().anyMatch(line -> line.startsWith(prefix));
    }
}
