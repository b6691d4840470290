package org.vitaleterminal.bench.qr;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A QR reader outside the JVM, run as a command over many image files at once (start-up is
 * paid once per batch, not per image). Reports, per file, every text it decoded.
 */
public abstract class PeerReader {
    /** Generous: a batch of a few hundred frames takes a few seconds on a loaded 2-core machine. */
    static final long BATCH_TIMEOUT_SECONDS = 300;

    private final Path executable;

    PeerReader(Path executable) {
        this.executable = executable;
    }

    /** Short name for tables: {@code zbar}, {@code zxing-cpp}. */
    public abstract String name();

    abstract List<String> options();

    /** Texts per file, from the tool's standard output; files it found nothing in may be absent. */
    abstract Map<Path, List<String>> parse(String stdout, List<Path> files) throws IOException;

    /** Runs the tool once over {@code files}; a crash, a non-zero exit with no output or a timeout is an error. */
    public Map<Path, List<String>> read(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(options());
        files.forEach(file -> command.add(file.toString()));
        Path out = Files.createTempFile("peer-" + name(), ".out");
        Path err = Files.createTempFile("peer-" + name(), ".err");
        Process process = null;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException(name() + " did not finish " + files.size() + " files in " + BATCH_TIMEOUT_SECONDS
                        + " s");
            }
            int exit = process.exitValue();
            // Both tools exit non-zero when some file had no code; that is a result, not an error.
            // A crash (signal) is 128+n.
            if (exit > 128) {
                throw new IOException(name() + " exited with " + exit + ": " + tail(err));
            }
            return parse(Files.readString(out, StandardCharsets.UTF_8), files);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
    }

    /** Both peers, each if installed. */
    public static List<PeerReader> installed() {
        List<PeerReader> peers = new ArrayList<>();
        find(ZbarReader.COMMAND).map(ZbarReader::new).ifPresent(peers::add);
        find(ZxingCppReader.COMMAND).map(ZxingCppReader::new).ifPresent(peers::add);
        return peers;
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

    /** Version line for the report ({@code dpkg-query}), or "unknown". */
    public String version(String debianPackage) {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", debianPackage)
                    .redirectErrorStream(true).start();
            try {
                byte[] text = p.getInputStream().readNBytes(200);
                return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0
                        ? new String(text, StandardCharsets.UTF_8).trim() : "unknown";
            } finally {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    public abstract String debianPackage();
}
