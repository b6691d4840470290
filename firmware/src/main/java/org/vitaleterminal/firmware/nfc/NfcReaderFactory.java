package org.vitaleterminal.firmware.nfc;

import org.vitaleterminal.hal.nfc.NfcException;
import org.vitaleterminal.hal.nfc.NfcReader;

/** Opens the reader a URI names ({@code pn532:uart:/dev/ttyS0}, {@code pn532:i2c:1:0x24}...). */
@FunctionalInterface
public interface NfcReaderFactory {
    /**
     * @throws IllegalArgumentException when the URI is not of a known form (the message says which forms are)
     * @throws NfcException             when the reader cannot be opened or does not answer
     */
    NfcReader open(String uri) throws NfcException;
}
