package org.vitaleterminal.sim.nfc.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vitaleterminal.sim.nfc.testing.ChipStream;
import org.vitaleterminal.sim.nfc.testing.Hex;

class HostFrameParserTest {
    private final HostFrameParser parser = new HostFrameParser();

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static HostFrame.Command only(List<HostFrame> frames) {
        assertEquals(1, frames.size(), frames::toString);
        return assertInstanceOf(HostFrame.Command.class, frames.get(0));
    }

    @Test
    void libnfcWakeUpThenSamConfiguration() {
        byte[] stream = concat(Hex.bytes("55 55 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),
                Hex.bytes("00 00 FF 03 FD D4 14 01 17 00"));
        assertEquals("14 01", Hex.of(only(parser.feed(stream)).data()));
        assertEquals(1, parser.pending(), "the postamble is kept: it may begin the next start code");
    }

    @Test
    void anyPreambleLengthAndNoneAtAll() {
        assertEquals("02", Hex.of(only(parser.feed(Hex.bytes("00 00 00 00 00 FF 02 FE D4 02 2A 00"))).data()));
        assertEquals("02", Hex.of(only(parser.feed(Hex.bytes("00 FF 02 FE D4 02 2A"))).data()));
    }

    @Test
    void frameInPieces() {
        byte[] frame = ChipStream.command(0x40, 0x01, 0x00, 0xA4, 0x04, 0x00);
        for (int i = 0; i < frame.length - 2; i++) {
            assertTrue(parser.feed(new byte[] {frame[i]}).isEmpty(), "byte " + i);
        }
        // complete at the DCS: the postamble is not waited for
        assertEquals("40 01 00 A4 04 00", Hex.of(only(parser.feed(new byte[] {frame[frame.length - 2]})).data()));
        assertTrue(parser.feed(new byte[] {frame[frame.length - 1]}).isEmpty());
    }

    @Test
    void ackNackAndTwoFramesInOneRead() {
        List<HostFrame> frames = parser.feed(concat(Hex.bytes("00 00 FF 00 FF 00"), Hex.bytes("00 00 FF FF 00 00"),
                ChipStream.command(0x02), ChipStream.command(0x04)));
        assertEquals(4, frames.size());
        assertInstanceOf(HostFrame.Ack.class, frames.get(0));
        assertInstanceOf(HostFrame.Nack.class, frames.get(1));
        assertEquals(0x02, ((HostFrame.Command) frames.get(2)).code());
        assertEquals(0x04, ((HostFrame.Command) frames.get(3)).code());
    }

    @Test
    void badChecksumsAreRejectedAndTheHuntGoesOn() {
        byte[] good = ChipStream.command(0x02);
        byte[] badLcs = Hex.bytes("00 00 FF 02 FD D4 02 2A 00");
        byte[] badDcs = Hex.bytes("00 00 FF 02 FE D4 02 2B 00");
        List<HostFrame> frames = parser.feed(concat(badLcs, Hex.bytes("13 37"), badDcs, good));
        assertEquals(3, frames.size(), frames::toString);
        assertEquals("bad LCS", ((HostFrame.Rejected) frames.get(0)).reason());
        assertEquals("bad DCS", ((HostFrame.Rejected) frames.get(1)).reason());
        assertEquals(0x02, ((HostFrame.Command) frames.get(2)).code());
    }

    @Test
    void wrongTfiAndOversizedFrames() {
        assertInstanceOf(HostFrame.Rejected.class, parser.feed(Hex.bytes("00 00 FF 02 FE D5 03 28 00")).get(0));
        byte[] tooLong = ChipStream.command(new byte[265]); // 266 with TFI
        assertInstanceOf(HostFrame.Rejected.class, parser.feed(tooLong).get(0));
    }

    @Test
    void extendedFramesUpToTheFirmwareLimit() {
        byte[] data = new byte[264];
        data[0] = 0x00;
        for (int i = 2; i < data.length; i++) {
            data[i] = (byte) i;
        }
        HostFrame.Command c = only(parser.feed(ChipStream.command(data)));
        assertTrue(c.extended());
        assertArrayEquals(data, c.data());
        // a host may use the extended format for a short frame too
        HostFrame.Command shortOne = only(parser.feed(Hex.bytes("00 00 FF FF FF 00 02 FE D4 02 2A 00")));
        assertTrue(shortOne.extended());
        assertEquals("02", Hex.of(shortOne.data()));
    }
}
