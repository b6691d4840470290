package org.vitaleterminal.hal.camera.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a process's standard error so that the process never blocks on a full pipe, keeping
 * only its last line for status messages (ffmpeg and rpicam-vid put their reason for giving up
 * last). Nothing is logged: a chatty program costs a few kilobytes of buffer, not a log flood.
 */
final class StderrTail implements Runnable {
    private static final int KEEP = 512;
    private static final int SHOWN = 160;

    private final InputStream err;
    private final byte[] ring = new byte[KEEP];
    private long total;

    StderrTail(InputStream err) {
        this.err = err;
    }

    @Override
    public void run() {
        byte[] chunk = new byte[4096];
        try (err) {
            int n;
            while ((n = err.read(chunk)) > 0) {
                synchronized (this) {
                    for (int i = 0; i < n; i++) {
                        ring[(int) (total++ % KEEP)] = chunk[i];
                    }
                }
            }
        } catch (IOException e) {
            // the process went away; what was read is kept
        }
    }

    /** The last non-empty line, printable ASCII only and at most 160 characters; empty if none. */
    synchronized String lastLine() {
        int length = (int) Math.min(total, KEEP);
        byte[] tail = new byte[length];
        for (int i = 0; i < length; i++) {
            tail[i] = ring[(int) ((total - length + i) % KEEP)];
        }
        String[] lines = new String(tail, StandardCharsets.US_ASCII).split("[\r\n]+");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].replaceAll("[^\\x20-\\x7E]", "?").strip();
            if (!line.isEmpty() && !(i == 0 && total > KEEP)) {
                return line.length() > SHOWN ? line.substring(0, SHOWN) + "..." : line;
            }
        }
        return "";
    }
}
