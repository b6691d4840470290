package org.vitaleterminal.sim.testing;

import java.util.List;
import java.util.Map;

/** A decoded tagged COSE_Sign1, for assertions. */
public record CoseView(long tag, byte[] protectedBytes, Object unprotected, byte[] payload, byte[] signature) {

    public static CoseView decode(byte[] bytes) {
        Object item = TinyCborReader.decode(bytes);
        if (!(item instanceof TinyCborReader.Tagged tagged)) {
            throw new AssertionError("not tagged: " + item);
        }
        List<?> array = (List<?>) tagged.content();
        if (array.size() != 4) {
            throw new AssertionError("COSE_Sign1 has 4 elements, got " + array.size());
        }
        return new CoseView(tagged.tag(), (byte[]) array.get(0), array.get(1), (byte[]) array.get(2),
                (byte[]) array.get(3));
    }

    public Map<Object, Object> protectedHeader() {
        return TinyCborReader.decodeMap(protectedBytes);
    }

    public Map<Object, Object> claims() {
        return TinyCborReader.decodeMap(payload);
    }

    public byte[] sigStructure(String externalAad) {
        return HandSigStructure.of(protectedBytes, externalAad, payload);
    }
}
