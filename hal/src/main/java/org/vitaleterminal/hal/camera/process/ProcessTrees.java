package org.vitaleterminal.hal.camera.process;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a capture process and everything it started. A wrapper script's children (or a shell
 * waiting on one) would otherwise keep the output pipe open and outlive the terminal.
 *
 * <p>Best effort for wrapper scripts: a child forked in the instant between the snapshot of the
 * descendants and the parent's death is orphaned out of reach (Java cannot signal a process
 * group). A wrapper should therefore {@code exec} the capture program; rpicam-vid and ffmpeg
 * started directly have no such children.
 */
final class ProcessTrees {
    private static final long GRACE_MILLIS = 1000;

    private ProcessTrees() {}

    /** SIGTERM to the process and its descendants, SIGKILL to what is left after a second; waits for the process. */
    static void end(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        // a second look catches a child forked while the first snapshot was taken
        descendants = java.util.stream.Stream.concat(descendants.stream(), process.descendants()).distinct().toList();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }
}
