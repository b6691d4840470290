package org.vitaleterminal.hal.scanner.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.hal.scanner.LineAssembler;
import org.vitaleterminal.hal.scanner.ScannerCounters;
import org.vitaleterminal.hal.scanner.ScannerCounts;

class SerialLineDecoderTest {
    private final ScannerCounters counters = new ScannerCounters();
    private final List<String> out = new ArrayList<>();
    private final SerialLineDecoder decoder = new SerialLineDecoder(new LineAssembler(16, counters, out::add));

    private void feed(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        decoder.decode(b, b.length);
    }

    @Test
    void crLfAndCrLfEachEndOneLine() {
        feed("VT1:A\rVT1:B\nVT1:C\r\nVT1:D\n\rVT1:E\r");
        assertEquals(List.of("VT1:A", "VT1:B", "VT1:C", "VT1:D", "VT1:E"), out);
        assertEquals(new ScannerCounts(5, 0, 0, 0), counters.snapshot());
    }

    @Test
    void aCrLfSplitAcrossReadsIsStillOneEnd() {
        feed("VT1:A\r");
        feed("\nVT1:B\r");
        feed("\n");
        assertEquals(List.of("VT1:A", "VT1:B"), out);
    }

    @Test
    void bytesOneAtATimeGiveTheSameLines() {
        for (char c : "HC1:6BF+70790T9WJWG.FKY*4GO0.O1CV2 O5 N2FBBRW1*70HS8WY04AC*WIFN0AHCD8KD97TK0F90KECTHGWJC0FDC:5AIA%G7X+AQB9746HS80:54IBQF60R6$A80X6S1BTYACG6M+9XG8KIAWNA91AY%67092L4WJCT3EHS8XJC$+DXJCCWENF6OF63W5NW6WF6%JC QE/IAYJC5LEW34U3ET7DXC9 QE-ED8%E.JCBECB1A-:8$96646AL60A60S6Q$D.UDRYA 96NF6L/5QW6307KQEPD09WEQDD+Q6TW6FA7C466KCN9E%961A6DL6FA7D46JPCT3E5JDLA7$Q6E464W5TG6..DX%DZJC6/DTZ9 QE5$CB$DA/D JC1/D3Z8WED1ECW.CCWE.Y92OAGY8MY9L+9MPCG/D5 C5IA5N9$PC5$CUZCY$5Y$527B+A4KZNQG5TKOWWD9FL%I8U$F7O2IBM85CWOC%LEZU4R/BXHDAHN 11$CA5MRI:AONFN7091K9FKIGIY%VWSSSU9%01FO2*FTPQ3C3F\r\n".toCharArray()) {
            feed(String.valueOf(c));
        }
        assertEquals(0, out.size(), "longer than 16: dropped");
        assertEquals(new ScannerCounts(0, 1, 0, 0), counters.snapshot());
        for (char c : "HC1:6BF+7079\r\n".toCharArray()) {
            feed(String.valueOf(c));
        }
        assertEquals(List.of("HC1:6BF+7079"), out);
    }

    @Test
    void controlAndHighBytesGarbleTheirLineOnly() {
        feed("VT1:A\u0002B\r\n");   // STX
        feed("VT1:A\tB\r\n");       // Tab
        feed("VT1:\u00e9\r\n");      // Latin-1 é: not Base45, not ASCII
        feed("VT1:\u0000\r\n");
        feed("VT1:GOOD\r\n");
        assertEquals(List.of("VT1:GOOD"), out);
        assertEquals(new ScannerCounts(1, 0, 4, 0), counters.snapshot());
    }

    @Test
    void aLineCutByTheDeviceGoingAwayIsCountedAndForgotten() {
        feed("VT1:HA");
        decoder.deviceLost();
        feed("LF\r\n");
        assertEquals(List.of("LF"), out, "nothing of the first half survives");
        assertEquals(new ScannerCounts(1, 0, 1, 0), counters.snapshot());
    }
}
