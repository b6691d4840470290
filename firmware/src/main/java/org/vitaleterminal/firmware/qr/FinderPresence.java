package org.vitaleterminal.firmware.qr;

import java.util.Arrays;
import org.vitaleterminal.hal.camera.LumaFrame;

/**
 * A cheap "could there be a QR code here?" check for frames with no code in view: a 1:1:3:1:1
 * run-length scan for finder patterns on every {@value #ROW_STEP}th row at full resolution, each
 * horizontal candidate confirmed by the same ratio down its column. It decides whether anything
 * else runs on the frame (the frame decoder runs nothing on a "no"), so it errs towards yes:
 * <ul>
 *   <li>both polarities (dark-on-light and dark-mode codes);
 *   <li>ratios looser than ZXing's finder (a module may be off by 0.75 of its size instead of 0.5);
 *   <li>full resolution, every 4th row: a finder pattern's 3-module core is crossed by at least one
 *       scanned row down to 2 px/module (a half-size image would lose codes of 2–3 px/module that the
 *       full-resolution read still decodes);
 *   <li>one confirmed candidate is enough.
 * </ul>
 * Each row is classified dark/light against the mean of the {@value #WINDOW} pixels around each
 * pixel with a hysteresis of ±{@value #HYSTERESIS} grey levels: sensor noise on a smooth scene
 * never changes the state, so a code-free frame costs one pass over a quarter of its rows and no
 * candidate at all; large modules (longer than the window) keep their colour through the hysteresis.
 *
 * <p>Its recall is a test, not a hope: it says "maybe" on every photo any attempt of the still-image
 * strategy decodes, on the ZXing blackbox set ({@code FinderPresenceTest}) and on the synthetic
 * phone-screen set (the bench module's {@code PhoneScreenComparisonTest}).
 *
 * <p>Not thread-safe (reuses its run buffer): one per decode thread.
 */
public final class FinderPresence {
    /** Rows scanned: every ROW_STEP-th (a finder core at 2 px/module is 6 px tall). */
    static final int ROW_STEP = 4;
    /** Width of the moving mean a pixel is compared with. */
    static final int WINDOW = 32;
    /** A pixel must be this far below (above) the local mean to turn the state dark (light). */
    static final int HYSTERESIS = 12;

    private int[] runs = new int[0];
    private int[] starts = new int[0];
    private boolean firstDark;
    private final int[] up = new int[3];
    private final int[] down = new int[3];

    /** Whether the frame may hold a finder pattern (false: no code any attempt could decode). */
    public boolean mayHoldCode(LumaFrame frame) {
        return mayHoldCode(LumaImage.of(frame));
    }

    /** Whether the image may hold a finder pattern (false: no code any attempt could decode). */
    boolean mayHoldCode(LumaImage image) {
        int width = image.width();
        int height = image.height();
        if (width < WINDOW || height < 21) {
            return true; // too small to judge cheaply: let the reader decide
        }
        if (runs.length < width + 1) {
            runs = new int[width + 1];
            starts = new int[width + 1];
        }
        for (int y = ROW_STEP / 2; y < height; y += ROW_STEP) {
            int count = runs(image, y);
            if (count >= 5 && candidateOnRow(image, y, count)) {
                return true;
            }
        }
        return false;
    }

    /** Splits row {@code y} into runs of one colour; returns their number. */
    private int runs(LumaImage image, int y) {
        byte[] pixels = image.pixels();
        int width = image.width();
        int base = image.offset() + y * image.stride();
        int sum = 0;
        for (int x = 0; x < WINDOW; x++) {
            sum += pixels[base + x] & 0xFF;
        }
        int band = HYSTERESIS * WINDOW;
        int lo = 0;
        int half = WINDOW / 2;
        int last = width - WINDOW;
        int count = 0;
        int state = 0; // 0 undecided, 1 dark, 2 light
        int runStart = 0;
        for (int x = 0; x < width; x++) {
            int want = Math.clamp(x - half, 0, last);
            if (want != lo) { // the window moves one pixel right
                sum += (pixels[base + lo + WINDOW] & 0xFF) - (pixels[base + lo] & 0xFF);
                lo = want;
            }
            int scaled = (pixels[base + x] & 0xFF) * WINDOW;
            int next = scaled < sum - band ? 1 : scaled > sum + band ? 2 : state;
            if (next != state) {
                if (state == 0) {
                    firstDark = next == 1;
                    runStart = 0; // the undecided start belongs to the first run
                } else {
                    starts[count] = runStart;
                    runs[count++] = x - runStart;
                    runStart = x;
                }
                state = next;
            }
        }
        if (state != 0) {
            starts[count] = runStart;
            runs[count++] = width - runStart;
        }
        return count;
    }

    private boolean candidateOnRow(LumaImage image, int y, int count) {
        for (int i = 0; i + 5 <= count; i++) {
            if (!ratioOk(runs[i], runs[i + 1], runs[i + 2], runs[i + 3], runs[i + 4])) {
                continue;
            }
            boolean centreDark = firstDark == ((i + 2) % 2 == 0);
            int total = runs[i] + runs[i + 1] + runs[i + 2] + runs[i + 3] + runs[i + 4];
            int centreX = starts[i + 2] + runs[i + 2] / 2;
            int ringX = starts[i + 1] + runs[i + 1] / 2;
            int threshold = (image.luma(centreX, y) + image.luma(ringX, y) + 1) / 2;
            if (confirmedDownColumn(image, centreX, y, centreDark, threshold, total)) {
                return true;
            }
        }
        return false;
    }

    /** 1:1:3:1:1 with each module within 0.75 module of its expected size (ZXing: 0.5). */
    static boolean ratioOk(int a, int b, int c, int d, int e) {
        int total = a + b + c + d + e;
        if (total < 7) {
            return false;
        }
        // In integers: 28 × run against 4 × total (= 28 modules' worth of one module), tolerance 0.75 module = 3 × total.
        int module28 = 4 * total;
        int tolerance28 = 3 * total; // 0.75 module, in the same units
        return Math.abs(28 * a - module28) < tolerance28 && Math.abs(28 * b - module28) < tolerance28
                && Math.abs(28 * c - 3 * module28) < 3 * tolerance28 && Math.abs(28 * d - module28) < tolerance28
                && Math.abs(28 * e - module28) < tolerance28;
    }

    /**
     * Walks up and down column {@code x} from the candidate's centre, counting runs of the centre's
     * colour (per {@code threshold}) and the ring colours; the column must show 1:1:3:1:1 too, of a
     * total within half to twice the horizontal one.
     */
    private boolean confirmedDownColumn(LumaImage image, int x, int y, boolean centreDark, int threshold,
            int horizontalTotal) {
        int limit = 2 * horizontalTotal;
        Arrays.fill(up, 0);
        Arrays.fill(down, 0);
        if (!walk(image, x, y, -1, centreDark, threshold, limit, up)
                || !walk(image, x, y + 1, 1, centreDark, threshold, limit, down)) {
            return false;
        }
        int centre = up[0] + down[0];
        int total = centre + up[1] + up[2] + down[1] + down[2];
        return total * 2 >= horizontalTotal && total <= 2 * horizontalTotal
                && ratioOk(up[2], up[1], centre, down[1], down[2]);
    }

    /** Counts the centre run, the ring gap and the ring from row {@code y} in direction {@code dy}. */
    private static boolean walk(LumaImage image, int x, int y, int dy, boolean centreDark, int threshold, int limit,
            int[] counts) {
        int run = 0;
        int total = 0;
        for (int yy = y; yy >= 0 && yy < image.height() && total <= limit; yy += dy, total++) {
            boolean dark = image.luma(x, yy) < threshold;
            boolean wanted = (run % 2 == 0) == (dark == centreDark); // runs 0 and 2 have the centre's colour
            if (!wanted) {
                run++;
                if (run == 3) {
                    return counts[2] > 0;
                }
            }
            counts[run]++;
        }
        return false; // ran off the image or past the limit before the outer ring ended
    }
}
