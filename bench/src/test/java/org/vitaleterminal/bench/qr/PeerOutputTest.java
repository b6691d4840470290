package org.vitaleterminal.bench.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing the peers' outputs: exact texts per file, and nothing silently dropped. */
class PeerOutputTest {
    private static final Path A = Path.of("/tmp/set/a.pgm");
    private static final Path B = Path.of("/tmp/set/b.pgm");

    @Test
    void zxingCppLinesGiveTheQuotedTextAndNoneIsAMiss() throws IOException {
        var reader = new ZxingCppReader(Path.of("/usr/bin/ZXingReader"));
        Map<Path, List<String>> texts = reader.parse("/tmp/set/a.pgm QRCode \"VT1:6BF 8$%*+-./:\"\n/tmp/set/b.pgm None\n",
                List.of(A, B));
        assertEquals(Map.of(A, List.of("VT1:6BF 8$%*+-./:")), texts);
    }

    @Test
    void zxingCppLinesThatCannotBeReadAreErrors() {
        var reader = new ZxingCppReader(Path.of("/usr/bin/ZXingReader"));
        assertThrows(IOException.class, () -> reader.parse("/tmp/set/a.pgm DataMatrix \"X\"\n", List.of(A)));
        assertThrows(IOException.class, () -> reader.parse("/tmp/other.pgm QRCode \"X\"\n", List.of(A)));
        assertThrows(IOException.class, () -> reader.parse("/tmp/set/a.pgm QRCode \"X\n", List.of(A)));
    }

    @Test
    void zbarXmlGivesEveryTextPerSource() throws IOException {
        var reader = new ZbarReader(Path.of("/usr/bin/zbarimg"));
        String xml = """
                <barcodes xmlns='http://zbar.sourceforge.net/2008/barcode'>
                <source href='/tmp/set/a.pgm'>
                <index num='0'>
                <symbol type='QR-Code' quality='1' orientation='UP'><data><![CDATA[HC1:NCF 6$]]></data></symbol>
                <symbol type='QR-Code' quality='1' orientation='UP'><data format='base64' length='3'><![CDATA[QUJD]]></data></symbol>
                </index>
                </source>
                <source href='/tmp/set/b.pgm'>
                </source>
                </barcodes>
                """;
        assertEquals(Map.of(A, List.of("HC1:NCF 6$", "ABC"), B, List.of()), reader.parse(xml, List.of(A, B)));
    }

    @Test
    void zbarOutputMissingAFileIsAnError() {
        var reader = new ZbarReader(Path.of("/usr/bin/zbarimg"));
        assertThrows(IOException.class, () -> reader.parse("<source href='/tmp/set/a.pgm'>\n</source>\n", List.of(A, B)));
    }

    @Test
    void outcomesAreExactOnlyForTheShownText() {
        assertEquals(Tally.Outcome.EXACT, Tally.Outcome.of("VT1:X", List.of("VT1:X")));
        assertEquals(Tally.Outcome.MISREAD, Tally.Outcome.of("VT1:X", List.of("VT1:Y")));
        assertEquals(Tally.Outcome.MISREAD, Tally.Outcome.of("VT1:X", List.of("VT1:X", "VT1:Y")));
        assertEquals(Tally.Outcome.MISSED, Tally.Outcome.of("VT1:X", List.of()));
        Tally tally = new Tally();
        tally.record(Tally.Outcome.EXACT);
        tally.record(Tally.Outcome.MISREAD);
        assertEquals("1/2 !1", tally.cell());
        assertEquals(0.5, tally.rate());
    }

    @Test
    void frameAdapterPacksPaddedRows() {
        byte[] padded = {9, 1, 2, 0, 3, 4, 0};
        var frame = new org.vitaleterminal.hal.camera.LumaFrame(padded, 1, 2, 2, 3, 0, 0);
        byte[][] seen = new byte[1][];
        FrameDecoder.luma((luma, w, h) -> {
            seen[0] = luma;
            return java.util.Optional.empty();
        }).decode(frame);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {1, 2, 3, 4}, seen[0]);
    }
}
