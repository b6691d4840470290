package org.vitaleterminal.hal.nfc.pn532;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pn532FrameParserTest {

    private static List<Pn532Frame> parse(byte[]... chunks) {
        Pn532FrameParser parser = new Pn532FrameParser();
        List<Pn532Frame> frames = new ArrayList<>();
        for (byte[] chunk : chunks) {
            parser.feed(chunk);
            for (Optional<Pn532Frame> f = parser.next(); f.isPresent(); f = parser.next()) {
                frames.add(f.get());
            }
        }
        return frames;
    }

    private static Pn532Frame.Information info(Pn532Frame frame) {
        return assertInstanceOf(Pn532Frame.Information.class, frame);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            GetFirmwareVersion       | 00 00 FF 06 FA D5 03 32 01 06 07 E8 00                                        | 03 32 01 06 07
            SAMConfiguration         | 00 00 FF 02 FE D5 15 16 00                                                    | 15
            InListPassiveTarget tt2  | 00 00 FF 0F F1 D5 4B 01 01 00 44 00 07 04 16 C6 C2 D7 38 81 61 00             | 4B 01 01 00 44 00 07 04 16 C6 C2 D7 38 81
            InListPassiveTarget 4A   | 00 00 FF 12 EE D5 4B 01 01 00 04 20 04 08 11 22 33 06 75 77 81 02 80 53 00    | 4B 01 01 00 04 20 04 08 11 22 33 06 75 77 81 02 80
            InDataExchange ok        | 00 00 FF 05 FB D5 41 00 AA BB 85 00                                           | 41 00 AA BB
            InDataExchange error     | 00 00 FF 03 FD D5 41 01 E9 00                                                 | 41 01
            Generic frame            | 00 00 FF 05 FB D5 01 34 35 36 8B 00                                           | 01 34 35 36
            SELECT answer            | 00 00 FF 05 FB D5 41 00 90 00 5A 00                                           | 41 00 90 00
            Diagnose libnfc          | 00 00 FF 09 F7 D5 01 00 6C 69 62 6E 66 63 BC 00                               | 01 00 6C 69 62 6E 66 63
            """)
    void chipFramesOfTheTranscripts(String name, String frame, String data) {
        byte[] bytes = Hex.bytes(frame);
        FrameCheck.body(bytes);
        List<Pn532Frame> frames = parse(bytes);
        assertEquals(1, frames.size());
        assertEquals(0xD5, info(frames.get(0)).tfi());
        assertEquals(data, Hex.of(info(frames.get(0)).data()));
    }

    @Test
    void inListPassiveTargetWithoutTargetRecomputed() {
        byte[] frame = Pn532Frames.information(0xD5, Hex.bytes("4B 00"));
        assertEquals("00 00 FF 03 FD D5 4B 00 E0 00", Hex.of(frame));
        FrameCheck.body(frame);
        assertEquals("4B 00", Hex.of(info(parse(frame).get(0)).data()));
    }

    @Test
    void powerDownAnswerRecomputed() {
        byte[] frame = Hex.bytes("00 00 FF 03 FD D5 17 00 14 00");
        FrameCheck.body(frame);
        assertEquals("17 00", Hex.of(info(parse(frame).get(0)).data()));
    }

    @Test
    void specialFrames() {
        List<Pn532Frame> frames = parse(Hex.bytes("00 00 FF 00 FF 00  00 00 FF FF 00 00  00 00 FF 01 FF 7F 81 00"));
        assertInstanceOf(Pn532Frame.Ack.class, frames.get(0));
        assertInstanceOf(Pn532Frame.Nack.class, frames.get(1));
        assertInstanceOf(Pn532Frame.ApplicationError.class, frames.get(2));
        assertEquals(3, frames.size());
    }

    @Test
    void extendedFrameTestAnswer() {
        byte[] frame = Hex.concat(Hex.bytes("00 00 FF FF FF 01 05 FA D5 01 34 35 36"), new byte[256], Hex.bytes("8B 00"));
        FrameCheck.body(frame);
        Pn532Frame.Information i = info(parse(frame).get(0));
        assertEquals(0x104, i.data().length);
        assertEquals("01 34 35 36", Hex.of(java.util.Arrays.copyOf(i.data(), 4)));
    }

    @Test
    void diagnoseLineTestEchoInOneExtendedFrame() {
        byte[] data = new byte[2 + 262];
        data[0] = 0x01;
        for (int i = 0; i < 262; i++) {
            data[2 + i] = (byte) i;
        }
        byte[] frame = Pn532Frames.information(0xD5, data);
        FrameCheck.body(frame);
        assertArrayEquals(data, info(parse(frame).get(0)).data());
    }

    @Test
    void ackAndResponseInOneChunkAndByteByByte() {
        byte[] stream = Hex.bytes("00 00 FF 00 FF 00 00 00 FF 06 FA D5 03 32 01 06 07 E8 00");
        List<Pn532Frame> whole = parse(stream);
        assertInstanceOf(Pn532Frame.Ack.class, whole.get(0));
        assertEquals("03 32 01 06 07", Hex.of(info(whole.get(1)).data()));

        byte[][] single = new byte[stream.length][];
        for (int i = 0; i < stream.length; i++) {
            single[i] = new byte[] {stream[i]};
        }
        assertEquals(whole.toString(), parse(single).toString());
    }

    @Test
    void noiseAndExtraPreambleAreSkipped() {
        List<Pn532Frame> frames = parse(Hex.bytes(
                "55 55 00 00 00 00 FF 13 37 FE 00 00 00 00 00 FF 02 FE D5 15 16 00 00 00 AA"));
        assertEquals(2, frames.size(), frames.toString());
        assertInstanceOf(Pn532Frame.Corrupt.class, frames.get(0), "00 FF 13 37: bad LCS in the noise");
        assertEquals("15", Hex.of(info(frames.get(1)).data()));
    }

    @Test
    void aStartCodeWithoutPreambleIsAccepted() {
        // libnfc's SPI driver accepts 00 FF starts; the preamble 00 carries no information
        assertEquals("15", Hex.of(info(parse(Hex.bytes("00 FF 02 FE D5 15 16")).get(0)).data()));
    }

    @Test
    void badLengthChecksumIsCorruptAndTheNextFrameIsFound() {
        List<Pn532Frame> frames = parse(Hex.bytes("00 00 FF 06 FB D5 03 32 01 06 07 E8 00   00 00 FF 02 FE D5 15 16 00"));
        assertEquals("bad length checksum", assertInstanceOf(Pn532Frame.Corrupt.class, frames.get(0)).problem());
        assertEquals("15", Hex.of(info(frames.get(frames.size() - 1)).data()));
    }

    @Test
    void badDataChecksumIsCorrupt() {
        List<Pn532Frame> frames = parse(Hex.bytes("00 00 FF 06 FA D5 03 32 01 06 07 E9 00"));
        assertEquals(1, frames.size());
        assertEquals("bad data checksum", assertInstanceOf(Pn532Frame.Corrupt.class, frames.get(0)).problem());
    }

    @Test
    void badExtendedLengthChecksumAndImpossibleLengths() {
        assertEquals("bad extended length checksum",
                assertInstanceOf(Pn532Frame.Corrupt.class, parse(Hex.bytes("00 00 FF FF FF 01 05 FB")).get(0)).problem());
        // 0x0200 bytes: more than the firmware ever sends, refused before buffering it
        assertTrue(assertInstanceOf(Pn532Frame.Corrupt.class, parse(Hex.bytes("00 00 FF FF FF 02 00 FE")).get(0))
                .problem().startsWith("impossible frame length"));
        assertTrue(assertInstanceOf(Pn532Frame.Corrupt.class, parse(Hex.bytes("00 00 FF 00 00")).get(0))
                .problem().startsWith("impossible frame length"));
    }

    @Test
    void aFrameCutShortIsFoundBehindIt() {
        // a response truncated by a glitch, then the chip's next (complete) frame
        Pn532FrameParser parser = new Pn532FrameParser();
        parser.feed(Hex.bytes("00 00 FF 06 FA D5 03 32"));
        assertTrue(parser.inFrame());
        assertTrue(parser.next().isEmpty());
        parser.feed(Hex.bytes("00 00 FF 06 FA D5 03 32 01 06 07 E8 00"));
        List<Pn532Frame> frames = new ArrayList<>();
        for (Optional<Pn532Frame> f = parser.next(); f.isPresent(); f = parser.next()) {
            frames.add(f.get());
        }
        assertInstanceOf(Pn532Frame.Corrupt.class, frames.get(0));
        assertEquals("03 32 01 06 07", Hex.of(info(frames.get(frames.size() - 1)).data()));
        assertFalse(parser.inFrame());
    }

    @Test
    void resetForgetsEverything() {
        Pn532FrameParser parser = new Pn532FrameParser();
        parser.feed(Hex.bytes("00 00 FF 00 FF 00 00 00 FF 06"));
        parser.reset();
        assertTrue(parser.next().isEmpty());
        assertFalse(parser.inFrame());
    }

    @Test
    void queuedFramesAreBounded() {
        Pn532FrameParser parser = new Pn532FrameParser();
        for (int i = 0; i < 100; i++) {
            parser.feed(Pn532Frames.ack());
        }
        int n = 0;
        while (parser.next().isPresent()) {
            n++;
        }
        assertEquals(Pn532FrameParser.MAX_QUEUED_FRAMES, n);
    }

    @Test
    void badArgumentsAreClippedNotThrown() {
        Pn532FrameParser parser = new Pn532FrameParser();
        parser.feed(null, 0, 10);
        parser.feed(Hex.bytes("00 00 FF 00 FF 00"), -5, 100);
        parser.feed(Hex.bytes("00"), 7, -3);
        assertInstanceOf(Pn532Frame.Ack.class, parser.next().orElseThrow());
    }

    /** Random noise with valid frames sprinkled in: never throws, and finds every frame. */
    @Test
    void survivesRandomInput() {
        Random random = new Random(20261127);
        byte[] good = Hex.bytes("00 00 FF 06 FA D5 03 32 01 06 07 E8 00");
        for (int round = 0; round < 2000; round++) {
            Pn532FrameParser parser = new Pn532FrameParser();
            int expected = 0;
            int found = 0;
            for (int piece = 0; piece < 20; piece++) {
                byte[] noise = new byte[random.nextInt(600)];
                random.nextBytes(noise);
                if (random.nextBoolean()) {
                    // bias towards the bytes that start frames
                    for (int i = 0; i < noise.length; i++) {
                        if (random.nextInt(4) == 0) {
                            noise[i] = (byte) (random.nextBoolean() ? 0x00 : 0xFF);
                        }
                    }
                }
                parser.feed(noise, random.nextInt(3), noise.length);
                // a real chip sends a frame after a quiet line: flush the noise's partial frame
                parser.reset();
                parser.feed(good);
                expected++;
                for (Optional<Pn532Frame> f = parser.next(); f.isPresent(); f = parser.next()) {
                    if (f.get() instanceof Pn532Frame.Information i && Hex.of(i.data()).equals("03 32 01 06 07")) {
                        found++;
                    }
                }
            }
            assertEquals(expected, found);
        }
    }

    /**
     * Noise in random chunks, often ending in a frame cut short, then no reset but a quiet line's
     * worth of {@code FF} padding, longer than any frame: whatever frame the noise started is
     * completed by it (as a frame or as corrupt), the padding holds no start code, so the parser
     * is out of any frame and the chip's next frame comes out alone.
     */
    @Test
    void paddingAfterRandomNoiseFlushesAnyHalfFrameAndTheNextFrameIsFound() {
        Random random = new Random(42);
        byte[] padding = new byte[Pn532Frames.frameLength(Pn532Frames.MAX_FRAME_DATA - 1)];
        java.util.Arrays.fill(padding, (byte) 0xFF);
        byte[] good = Hex.bytes("00 00 FF 06 FA D5 03 32 01 06 07 E8 00");
        for (int round = 0; round < 5000; round++) {
            Pn532FrameParser parser = new Pn532FrameParser();
            byte[] noise = new byte[random.nextInt(2000)];
            random.nextBytes(noise);
            if (random.nextBoolean()) {
                // a frame of up to the longest size, cut short: the half-frame the padding must end
                byte[] frame = Pn532Frames.information(0xD5, new byte[random.nextInt(Pn532Frames.MAX_FRAME_DATA)]);
                noise = Hex.concat(noise, java.util.Arrays.copyOf(frame, 1 + random.nextInt(frame.length - 2)));
            }
            int at = 0;
            while (at < noise.length) {
                int n = Math.min(noise.length - at, 1 + random.nextInt(700));
                parser.feed(noise, at, n);
                at += n;
                while (parser.next().isPresent()) {
                    // drain: what the noise makes is not checked, only that it does not throw
                }
            }
            parser.feed(padding);
            while (parser.next().isPresent()) {
                // drain the frames the padding completed
            }
            assertFalse(parser.inFrame(), "round " + round);
            parser.feed(good);
            assertEquals("03 32 01 06 07", Hex.of(info(parser.next().orElseThrow()).data()), "round " + round);
            assertTrue(parser.next().isEmpty(), "round " + round);
        }
    }
}
