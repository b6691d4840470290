package org.vitaleterminal.bench.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.hal.camera.LumaFrame;
import org.vitaleterminal.sim.qr.Distortion;
import org.vitaleterminal.sim.qr.GreyImage;
import org.vitaleterminal.sim.qr.PhoneScreenPhoto;
import org.vitaleterminal.sim.qr.PhoneScreenRenderer;
import org.vitaleterminal.sim.qr.QrSymbol;
import org.vitaleterminal.sim.qr.Strength;

/**
 * The four photos of the full report ({@code scripts/dev qr-report --per-bucket 20}, seed 18004)
 * that zbar read and we did not before the brightened ×4 grey grid ({@code x4-grey-grid-bright}):
 * {@code moire/strong/2px} numbers 12, 13, 17 and 18 — 2 px modules under a 42–53 % moiré of period 4–8 px, where ZXing's
 * thresholds find no finder pattern at any scale. They are outside the 8 per bucket of
 * {@code PhoneScreenComparisonTest}, so they are pinned here: each must read exactly.
 */
class MoirePhotosTest {
    static final int[] PHOTOS = {12, 13, 17, 18};
    static final int FULL_PAYLOADS = 12;

    @Test
    void theStrongMoirePhotosZbarReadAreReadExactly() throws Exception {
        List<String> payloads = PhoneScreenPayloads.create(
                Optional.ofNullable(System.getProperty("vt.testdata")).map(Path::of));
        // The photos' numbers hold for the full payload list (10 VT1 texts and the 2 HC1 texts of
        // the public test data); without the test data the same numbers would show other symbols.
        if (payloads.size() != FULL_PAYLOADS) {
            String message = "the EU DCC test data is needed (-Dvt.testdata): " + payloads.size() + " payloads, not "
                    + FULL_PAYLOADS;
            if ("true".equals(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(message);
            }
            org.junit.jupiter.api.Assumptions.abort(message);
        }
        Bucket bucket = new Bucket(Distortion.MOIRE, Strength.STRONG, 2);
        PhoneScreenRenderer renderer = new PhoneScreenRenderer();
        FrameDecoder ours = FrameDecoder.ours();
        List<String> missed = new ArrayList<>();
        for (int index : PHOTOS) {
            QrSymbol symbol = QrSymbol.encode(payloads.get(index % payloads.size()));
            PhoneScreenPhoto photo = renderer.render(symbol, bucket.pxPerModule(), bucket.distortion(), bucket.strength(),
                    bucket.seed(PhoneScreenSet.DEFAULT_SEED, index));
            GreyImage image = photo.image();
            Optional<String> text = ours.decode(new LumaFrame(image.luma(), 0, image.width(), image.height(),
                    image.width(), index, 0));
            if (!text.equals(Optional.of(photo.expectedText()))) {
                missed.add(bucket.label() + " #" + index + " (" + photo.parameters().describe() + "): "
                        + (text.isPresent() ? "misread" : "missed"));
            }
        }
        assertEquals(List.of(), missed);
    }
}
