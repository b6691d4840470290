package org.vitaleterminal.hal.camera.process;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a capture process and everything it started. A wrapper script's children (or a shell
 * waiting on one) would otherwise keep the output pipe open and outlive the terminal.
 */
final class ProcessTrees {
    private static final long GRACE_MILLIS = 1000;

    private ProcessTrees() {}

    /** SIGTERM to the process and its descendants, SIGKILL to what is left after a second; waits for the process. */
    static void end(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
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
