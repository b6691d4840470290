package org.vitaleterminal.hal.camera.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for {@code rpicam-vid} or {@code ffmpeg}: a shell script in a test's folder that counts
 * its runs, records its arguments and then does what the test wrote (typically {@code cat} the
 * frames prepared for this run, then stall, die or exit).
 */
final class FakeProgram {
    private final Path dir;

    FakeProgram(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes {@code name} with {@code body}; in the body {@code $dir} is the folder and {@code $n}
     * the run number (1, 2, …).
     */
    FakeProgram script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, """
                #!/bin/sh
                dir=$(dirname "$0")
                n=$(cat "$dir/runs" 2>/dev/null || echo 0)
                n=$((n + 1))
                echo $n > "$dir/runs"
                printf '%s\\n' "$@" > "$dir/args"
                """ + body + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }

    /** The bytes the script can {@code cat} in run {@code n}: {@code $dir/run-$n.raw}. */
    FakeProgram output(int run, byte[]... frames) throws IOException {
        int length = 0;
        for (byte[] f : frames) {
            length += f.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] f : frames) {
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
        }
        Files.write(dir.resolve("run-" + run + ".raw"), all);
        return this;
    }

    /** The arguments of the latest run, one per element. */
    List<String> args() throws IOException {
        return Files.readAllLines(dir.resolve("args"));
    }

    int runs() throws IOException {
        Path runs = dir.resolve("runs");
        return Files.exists(runs) ? Integer.parseInt(Files.readString(runs).strip()) : 0;
    }

    /** Pixel (x, y) of frame {@code n}'s luma: a ramp shifted by n, so rows, columns and frames differ. */
    static int luma(int x, int y, int n) {
        return (x + 3 * y + 17 * n) & 0xFF;
    }

    /** Frame {@code n} as rpicam-vid writes it: luma plane, then U and V planes (filled with a level of their own). */
    static byte[] yuv420(int width, int height, int n) {
        byte[] frame = new byte[width * height * 3 / 2];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                frame[y * width + x] = (byte) luma(x, y, n);
            }
        }
        java.util.Arrays.fill(frame, width * height, frame.length, (byte) (0xE0 + n));
        return frame;
    }

    /** Frame {@code n} as ffmpeg writes {@code -pix_fmt gray}: the luma plane only. */
    static byte[] gray(int width, int height, int n) {
        byte[] frame = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                frame[y * width + x] = (byte) luma(x, y, n);
            }
        }
        return frame;
    }
}
