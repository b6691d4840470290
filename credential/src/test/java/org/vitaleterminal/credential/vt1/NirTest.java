package org.vitaleterminal.credential.vt1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NirTest {

    /** python-stdnum's vectors (domain notes §2.4) and one recomputed by hand. */
    @ParameterizedTest
    @CsvSource({
        "2951099126111, 93",
        "253072B073004, 70",
        "253072A073004, 43",
        "2061275111005, 64",
    })
    void knownKeys(String nir, int key) {
        assertEquals(key, Nir.key(nir));
        assertTrue(Nir.isValid(nir, key));
        assertFalse(Nir.isValid(nir, key == 97 ? 1 : key + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "295109912611", "29510991261119", "2951099126A11", "2A5109912611X", "25307A2073004",
        "253073A073004", "25307 B073004", "２９５１０９９１２６１１１"})
    void refusesMalformedShapes(String nir) {
        assertFalse(Nir.hasValidShape(nir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1850175123456", "7123456789012", "1852099123456"})
    void acceptsUnusualButPossibleNumbers(String nir) {
        // provisional numbers and unusual months exist: only the shape and key are checked
        assertTrue(Nir.isValid(nir, Nir.key(nir)));
    }
}
