package org.vitaleterminal.sim.nfc.chip;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.vitaleterminal.sim.nfc.fault.Fault;

/** Applies the output faults of one command to its clean response frame. */
final class FaultShaper {
    private FaultShaper() {
    }

    static byte[] shape(byte[] clean, List<Fault> faults) {
        byte[] frame = clean.clone();
        boolean extended = frame.length > 4 && (frame[3] & 0xFF) == 0xFF && (frame[4] & 0xFF) == 0xFF;
        for (Fault f : faults) {
            if (f instanceof Fault.CorruptLcs) {
                frame[extended ? 7 : 4]++;
            } else if (f instanceof Fault.CorruptDcs) {
                frame[frame.length - 2]++;
            }
        }
        for (Fault f : faults) {
            if (f instanceof Fault.GarbageInsideResponse g) {
                int at = Math.min(g.offset(), frame.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(frame, 0, at);
                out.writeBytes(g.bytes());
                out.write(frame, at, frame.length - at);
                frame = out.toByteArray();
            }
        }
        for (Fault f : faults) {
            if (f instanceof Fault.Truncate t) {
                frame = Arrays.copyOf(frame, Math.min(t.keep(), frame.length));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Fault f : faults) {
            if (f instanceof Fault.GarbageBeforeResponse g) {
                out.writeBytes(g.bytes());
            }
        }
        out.writeBytes(frame);
        return out.toByteArray();
    }
}
