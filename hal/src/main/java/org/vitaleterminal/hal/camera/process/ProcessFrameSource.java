package org.vitaleterminal.hal.camera.process;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.vitaleterminal.hal.camera.AbstractFrameSource;
import org.vitaleterminal.hal.camera.CameraTime;
import org.vitaleterminal.hal.camera.FrameSource;
import org.vitaleterminal.hal.camera.FrameSourceOptions;
import org.vitaleterminal.hal.camera.SourceState;

/**
 * A {@link FrameSource} fed by a program writing raw frames to its standard output
 * ({@code rpicam-vid --codec yuv420}, {@code ffmpeg -f rawvideo -pix_fmt gray}).
 *
 * <p>Three threads per running process: a supervisor (starts the process, watches for stalls,
 * restarts with backoff), a reader (reads each frame straight into a recycled buffer, so the luma
 * plane reaches the consumer without a copy) and a drain for standard error. The supervisor
 * restarts the process when it exits, stalls (no frame for the stall timeout), or sends a
 * truncated frame, waiting {@link org.vitaleterminal.hal.Backoff} between attempts; the
 * wait starts over from the initial backoff once a process has run for the longest backoff.
 * {@link #close()} ends the process tree and joins all threads.
 */
public final class ProcessFrameSource extends AbstractFrameSource {
    /** How often the supervisor looks at the clock; only a wake-up cadence, time itself comes from {@link CameraTime}. */
    private static final Duration WATCH = Duration.ofMillis(20);
    private static final Duration JOIN = Duration.ofSeconds(3);
    /** The drain ends as soon as the dead process's pipe closes; waiting longer under load costs nothing. */
    private static final Duration DRAIN_JOIN = Duration.ofSeconds(10);

    private final Callable<RawVideoCommand> plan;
    private final Playback playback;
    private final FrameSourceOptions options;
    private final CameraTime time;
    /** Replays only: when the next frame is due (touched by one reader thread at a time). */
    private long nextFrameAt;
    private boolean paceStarted;

    /**
     * @param description for {@link #describe()}
     * @param plan        works out the command when the source starts (on the supervisor thread:
     *                    it may run a probe); an exception makes the source {@link SourceState#FAILED}
     * @param playback    what the end of the output means
     */
    public ProcessFrameSource(String description, Callable<RawVideoCommand> plan, Playback playback,
            FrameSourceOptions options) {
        super(description, JOIN.plus(DRAIN_JOIN).plusSeconds(3));
        this.plan = Objects.requireNonNull(plan, "plan");
        this.playback = Objects.requireNonNull(playback, "playback");
        this.options = Objects.requireNonNull(options, "options");
        this.time = options.time();
    }

    @Override
    protected void begin() {
        startProducer(this::supervise);
    }

    private void supervise() {
        RawVideoCommand command;
        try {
            command = plan.call();
        } catch (Exception e) {
            board.set(SourceState.FAILED, Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
            return;
        }
        int failuresInARow = 0;
        while (!isClosed()) {
            board.set(SourceState.STARTING, "");
            Run run = new Run(command);
            run.execute();
            if (isClosed()) {
                return;
            }
            if (run.clean() && playback != Playback.LIVE) {
                if (run.frames == 0) {
                    board.set(SourceState.FAILED, command.program() + " gave no frame");
                    return;
                }
                if (playback == Playback.ONCE) {
                    board.set(SourceState.IDLE, "played to the end");
                    return;
                }
                failuresInARow = 0;
                continue;
            }
            failuresInARow = run.ranLongEnough() ? 1 : failuresInARow + 1;
            Duration wait = options.backoff().delay(failuresInARow);
            board.restarting(run.reason(), wait);
            try {
                time.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One process from start to end, with its reader and stderr drain. */
    private final class Run {
        private final RawVideoCommand command;
        private final Duration stallTimeout;
        private StderrTail stderr;
        private volatile long frames;
        private volatile long lastFrameAt;
        private volatile long firstFrameAt;
        private volatile int truncatedAt = -1;
        private volatile boolean endOfStream;
        private String failure;
        private boolean stalled;
        private long endedAt;
        private int exitCode;

        Run(RawVideoCommand command) {
            this.command = command;
            this.stallTimeout = options.stallTimeout(command.fps());
        }

        void execute() {
            long startedAt = time.nanoTime();
            Process process;
            try {
                process = new ProcessBuilder(command.command()).start();
            } catch (IOException e) {
                failure = "cannot run " + command.command().getFirst() + ": " + e.getMessage();
                endedAt = time.nanoTime();
                return;
            }
            closeQuietly(process);
            stderr = new StderrTail(process.getErrorStream());
            Thread drain = Thread.ofPlatform().daemon().name("camera " + describe() + " stderr").start(stderr);
            Thread reader = Thread.ofPlatform().daemon().name("camera " + describe() + " reader")
                    .start(() -> read(process.getInputStream()));
            try {
                while (!isClosed() && !reader.join(WATCH)) {
                    long since = frames == 0 ? startedAt : lastFrameAt;
                    Duration limit = frames == 0 ? options.firstFrameTimeout() : stallTimeout;
                    if (time.nanoTime() - since > limit.toNanos()) {
                        stalled = true;
                        break;
                    }
                }
            } catch (InterruptedException e) {
                // close(): end the process below
            } finally {
                if (!isClosed() && !stalled) {
                    // The program ended its output by itself: let it exit and let the drain read its
                    // last words first. Process.destroy() closes the stderr pipe even after the exit,
                    // which would lose a reason not read yet ("exited with status 3" and no why).
                    awaitExit(process);
                    join(drain, DRAIN_JOIN);
                }
                ProcessTrees.end(process);
                reader.interrupt();
                join(reader, JOIN);
                join(drain, DRAIN_JOIN);
                endedAt = time.nanoTime();
                exitCode = process.isAlive() ? -1 : process.exitValue();
            }
        }

        private void read(InputStream out) {
            try (out) {
                while (!isClosed()) {
                    byte[] buffer = handoff.buffer(command.frameBytes());
                    int n = out.readNBytes(buffer, 0, command.frameBytes());
                    if (n < command.frameBytes()) {
                        handoff.recycle(buffer);
                        if (n > 0) {
                            truncatedAt = n;
                        } else {
                            endOfStream = true;
                        }
                        return;
                    }
                    if (playback != Playback.LIVE && !waitForSlot()) {
                        handoff.recycle(buffer);
                        return;
                    }
                    long now = time.nanoTime();
                    // state first: a consumer that holds the first frame must see the source RUNNING
                    lastFrameAt = now;
                    if (frames++ == 0) {
                        firstFrameAt = now;
                        board.set(SourceState.RUNNING, "");
                    }
                    handoff.publish(buffer, command.width(), command.height(), command.rowStride(), now);
                }
            } catch (IOException e) {
                endOfStream = true;
            }
        }

        /** Replays show one frame per interval, whatever speed the program decodes at. */
        private boolean waitForSlot() {
            long interval = command.frameInterval().toNanos();
            long now = time.nanoTime();
            if (!paceStarted || now - nextFrameAt > interval) {
                // first frame, or so late that catching up would show a burst: start the schedule afresh
                nextFrameAt = now;
                paceStarted = true;
            }
            try {
                time.sleep(Duration.ofNanos(nextFrameAt - now));
            } catch (InterruptedException e) {
                return false;
            }
            nextFrameAt += interval;
            return true;
        }

        boolean clean() {
            return failure == null && !stalled && truncatedAt < 0 && endOfStream && exitCode == 0;
        }

        boolean ranLongEnough() {
            return frames > 0 && endedAt - firstFrameAt >= options.backoff().max().toNanos();
        }

        String reason() {
            if (failure != null) {
                return failure;
            }
            String program = command.program();
            if (stalled) {
                return program + (frames == 0 ? " sent no frame within " : " stalled: no frame for ")
                        + human(frames == 0 ? options.firstFrameTimeout() : stallTimeout);
            }
            String said = stderr.lastLine();
            String exit = program + " exited with status " + exitCode + (said.isEmpty() ? "" : ": " + said);
            if (truncatedAt >= 0) {
                return program + " ended mid-frame (" + truncatedAt + " of " + command.frameBytes() + " bytes); "
                        + exit;
            }
            return exit;
        }
    }

    private static void awaitExit(Process process) {
        try {
            process.waitFor(JOIN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // nothing is ever written to a capture program
        }
    }
}
