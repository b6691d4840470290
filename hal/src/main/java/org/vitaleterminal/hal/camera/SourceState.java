package org.vitaleterminal.hal.camera;

/** The life of a {@link FrameSource}, as shown in status. */
public enum SourceState {
    /** Not started yet, or closed. */
    STOPPED,
    /** Starting (or loading its images) and no frame yet. */
    STARTING,
    /** Frames are arriving. */
    RUNNING,
    /** The capture died or stalled; it is restarted after the backoff in the status. */
    RESTARTING,
    /** Nothing more to show: a folder or video played to its end, or no camera configured. */
    IDLE,
    /** Cannot work without a fix (unreadable images, a file that is not a video); see the detail. */
    FAILED
}
