package org.vitaleterminal.sim.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NirKeyTest {

    @Test
    void domainNotesTestVectors() {
        assertEquals(93, NirKey.compute("2951099126111"));
        assertEquals(70, NirKey.compute("253072B073004"));
        assertEquals(43, NirKey.compute("253072A073004"));
        assertEquals(64, NirKey.compute("2061275111005"));
    }

    @Test
    void keyRangeIsOneToNinetySeven() {
        // 97 - (n mod 97): a multiple of 97 gives 97, never 0.
        assertEquals(97, NirKey.compute("0000000000000"));
        assertEquals(97, NirKey.compute("0000000000097"));
        assertEquals(1, NirKey.compute("0000000000096"));
    }

    @Test
    void validity() {
        assertTrue(NirKey.isValid("2951099126111", 93));
        assertFalse(NirKey.isValid("2951099126111", 94));
    }

    @Test
    void refusesMalformedNirs() {
        assertThrows(IllegalArgumentException.class, () -> NirKey.compute("295109912611"));
        assertThrows(IllegalArgumentException.class, () -> NirKey.compute("29510991261119"));
        assertThrows(IllegalArgumentException.class, () -> NirKey.compute("253072C073004"));
        assertThrows(IllegalArgumentException.class, () -> NirKey.compute("2A3072B073004"));
    }
}
