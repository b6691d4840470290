package org.vitaleterminal.sim.nfc.host;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a libnfc command-line tool as a subprocess against a virtual PN532 on a pseudo-terminal.
 * A missing tool skips the test locally and fails it under {@code CI=true} (CI installs libnfc-bin).
 */
final class LibnfcTool {
    private static final long TIMEOUT_SECONDS = 20;

    record Result(int exitCode, String stdout, String log) {
        /** For assertion messages: the output and the end of libnfc's debug log. */
        String diagnostics() {
            String tail = log.length() > 6000 ? "..." + log.substring(log.length() - 6000) : log;
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- libnfc log (LIBNFC_LOG_LEVEL=3)\n" + tail;
        }
    }

    private LibnfcTool() {
    }

    /** The tool's path, or a skip (local) / failure (CI) when it is not installed. */
    static Path require(String name, String debianPackage) {
        Optional<Path> found = find(name);
        if (found.isPresent()) {
            return found.get();
        }
        String message = name + " not found on PATH: install the Debian package " + debianPackage;
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: libnfc is required there)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /**
     * The tool's path, or a skip even under CI: for tools of packages that .ci/run does not
     * install (libnfc-pn53x-examples).
     */
    static Path optional(String name, String debianPackage) {
        Optional<Path> found = find(name);
        Assumptions.assumeTrue(found.isPresent(), () -> name + " not found on PATH: install the Debian package "
                + debianPackage + " to run this check");
        return found.orElseThrow();
    }

    static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code tool args} with LIBNFC_DEVICE pointing at the pseudo-terminal. */
    static Result run(Pn532Pty pty, Path tool, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("libnfc-out", ".txt");
        Path err = Files.createTempFile("libnfc-log", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().put("LIBNFC_DEVICE", "pn532_uart:" + pty.slavePath());
            pb.environment().put("LIBNFC_AUTO_SCAN", "false");
            pb.environment().put("LIBNFC_INTRUSIVE_SCAN", "false");
            pb.environment().put("LIBNFC_LOG_LEVEL", "3");
            Process process = pb.start();
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.US_ASCII));
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(tool + " did not finish in " + TIMEOUT_SECONDS + " s\n" + Files.readString(out)
                        + "\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** libnfc prints bytes as "%02x  "; collapse the spacing so lines compare simply. */
    static String normalise(String text) {
        return text.replaceAll("[ \\t]+", " ").replaceAll(" +\\n", "\n");
    }
}
