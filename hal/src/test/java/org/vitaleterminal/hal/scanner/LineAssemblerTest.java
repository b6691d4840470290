package org.vitaleterminal.hal.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {
    private final ScannerCounters counters = new ScannerCounters();
    private final List<String> out = new ArrayList<>();
    private final LineAssembler lines = new LineAssembler(4, counters, out::add);

    private void type(String s) {
        s.chars().forEach(c -> lines.append((char) c));
    }

    @Test
    void exactlyTheLimitPassesOneMoreDropsTheWholeLine() {
        type("ABCD");
        lines.endLine();
        type("ABCDE");
        lines.endLine();
        type("XY");
        lines.endLine();
        assertEquals(List.of("ABCD", "XY"), out);
        assertEquals(new ScannerCounts(2, 1, 0, 0), counters.snapshot());
    }

    @Test
    void aGarbledLineIsDroppedAtItsEndNotBefore() {
        type("AB");
        lines.garble();
        type("C");
        assertEquals(List.of(), out);
        lines.endLine();
        type("OK");
        lines.endLine();
        assertEquals(List.of("OK"), out);
        assertEquals(new ScannerCounts(1, 0, 1, 0), counters.snapshot());
    }

    @Test
    void abandoningCountsOnlyALineThatWasStarted() {
        lines.abandon();
        type("AB");
        lines.abandon();
        type("ABCDEF");
        lines.abandon();
        lines.endLine();
        assertEquals(List.of(), out);
        assertEquals(new ScannerCounts(0, 1, 1, 0), counters.snapshot());
    }
}
