package org.vitaleterminal.bench.qr;

import java.util.Optional;
import org.vitaleterminal.firmware.qr.QrImageDecoder;
import org.vitaleterminal.hal.camera.LumaFrame;

/**
 * The terminal's QR reader as the comparison sees it: one camera frame in, the decoded text or
 * nothing out. Not thread-safe (ZXing readers keep scratch state): one instance per thread.
 */
@FunctionalInterface
public interface FrameDecoder {
    Optional<String> decode(LumaFrame frame);

    /**
     * The decoder under test: the firmware's still-image path ({@code QrImageDecoder}), the whole
     * {@code QrDecodeStrategy} with no time budget — what the terminal runs on one photo. Not the
     * per-frame {@code QrFrameDecoder}: its 3 ms budget per frame assumes the next frames show
     * the same code (a camera stream gives ~30 a second), so on a single photo it would stop
     * early by design, and where it stops would depend on the load of the machine; the peers,
     * too, get one photo and unlimited time (see docs/qr-quality.md).
     */
    static FrameDecoder ours() {
        return luma(new QrImageDecoder()::decodeLuma);
    }

    /** Adapts a decoder of packed {@code width × height} luma arrays (copies padded frames). */
    static FrameDecoder luma(PackedLumaDecoder decoder) {
        return frame -> {
            byte[] packed = frame.luma();
            if (frame.offset() != 0 || frame.rowStride() != frame.width()) {
                packed = new byte[frame.width() * frame.height()];
                for (int y = 0; y < frame.height(); y++) {
                    System.arraycopy(frame.luma(), frame.offset() + y * frame.rowStride(), packed, y * frame.width(),
                            frame.width());
                }
            }
            return decoder.decode(packed, frame.width(), frame.height());
        };
    }

    @FunctionalInterface
    interface PackedLumaDecoder {
        Optional<String> decode(byte[] luma, int width, int height);
    }
}
