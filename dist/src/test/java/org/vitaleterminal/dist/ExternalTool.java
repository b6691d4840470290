package org.vitaleterminal.dist;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs programs the deployment files are checked with (systemd-analyze, shellcheck, the flash
 * script's test). A missing program skips the test locally and fails it under {@code CI=true},
 * where .ci/run installs it.
 */
final class ExternalTool {
    /** The checkout root (Maven runs the dist tests in {@code dist/}). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Result(int status, String stdout, String stderr) {
        String output() {
            return "exit " + status + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private ExternalTool() {
    }

    /** The program's path, or a skip (local) / failure (CI=true) naming the Debian package. */
    static Path require(String name, String debianPackage) {
        Optional<Path> found = find(name);
        if (found.isPresent()) {
            return found.get();
        }
        String message = name + " not found on PATH: install the Debian package " + debianPackage;
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI=true: .ci/run installs it)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        // sbin holds mkfs.*, losetup, debugfs, sfdisk; a non-login shell may not have it on PATH.
        String search = (path == null ? "" : path) + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
        for (String dir : search.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code command} in {@code dir}, killing it after {@code timeoutSeconds}. */
    static Result run(Path dir, long timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool-out", ".txt");
        Path err = Files.createTempFile("tool-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("SYSTEMD_COLORS", "0");
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                fail(command + " did not finish within " + timeoutSeconds + " s\n" + Files.readString(out)
                        + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
