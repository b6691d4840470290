package org.vitaleterminal.hal.camera.replay;

import org.vitaleterminal.hal.camera.LumaImage;

/**
 * What a {@link PacedFrameSource} shows, one still after another. Called on the source's own
 * thread only, so an implementation needs no locking and may do slow work (decoding, rendering).
 */
public interface FrameScript {

    /** One still shown for a number of consecutive frames. */
    record Shot(LumaImage image, int frames) {
        public Shot {
            if (frames < 1) {
                throw new IllegalArgumentException("a shot lasts at least one frame, got " + frames);
            }
        }
    }

    /**
     * Loads what the script needs (e.g. decodes all images) before the first frame; the source is
     * {@link org.vitaleterminal.hal.camera.SourceState#STARTING} meanwhile. An exception makes it
     * {@link org.vitaleterminal.hal.camera.SourceState#FAILED}, with the exception's message as detail.
     */
    default void prepare() throws Exception {}

    /**
     * The next shot, or {@code null} when the script is over (the source then goes
     * {@link org.vitaleterminal.hal.camera.SourceState#IDLE}). An exception makes the source FAILED
     * with its message, so messages must not carry personal data.
     */
    Shot next() throws Exception;
}
