package org.vitaleterminal.firmware.qr;

import java.util.Optional;

/**
 * The one cheap read every camera frame gets (see {@link QrFrameDecoder}). The production one is
 * {@link FastFrameReader}; tests of the frame policy script their own.
 */
@FunctionalInterface
interface FastPath {
    /**
     * @return {@code Hit}, {@code Seen} (evidence of a code that did not decode: fallbacks are worth
     *         their time) or {@code Nothing}
     */
    AttemptRunner.Outcome read(LumaImage frame, Optional<QrHit.Bounds> lastHit);
}
