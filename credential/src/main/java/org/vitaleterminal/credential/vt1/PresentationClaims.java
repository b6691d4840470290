package org.vitaleterminal.credential.vt1;

import java.util.List;
import org.vitaleterminal.credential.Reason;
import org.vitaleterminal.credential.Rejection;
import org.vitaleterminal.credential.cbor.CborBytes;
import org.vitaleterminal.credential.cbor.CborDecoder;
import org.vitaleterminal.credential.cbor.CborFields;
import org.vitaleterminal.credential.cbor.CborItem;
import org.vitaleterminal.credential.cbor.CborProfile;

/**
 * The holder-signed part of a presentation (spec §2.3 presentation-claims), decoded for its
 * shape only: until the holder's signature has verified nothing in it is trusted.
 *
 * @param credential  the exact bytes of the issuer credential
 * @param issuedAt    the holder's clock at signing, epoch seconds
 * @param nonce       16 bytes: random (QR) or the terminal's challenge (NFC)
 * @param channel     1 = QR, 2 = NFC
 * @param disclosures the disclosed beneficiaries, each the exact bytes that were hashed
 */
record PresentationClaims(byte[] credential, long issuedAt, byte[] nonce, int channel, List<byte[]> disclosures) {
    static final int CHANNEL_QR = 1;
    static final int CHANNEL_NFC = 2;
    static final int MAX_DISCLOSURES = 16;

    static PresentationClaims decode(byte[] payload) throws Rejection {
        CborFields claims = CborFields.of(CborDecoder.decode(payload, CborProfile.VT1_PAYLOAD), Reason.FORMAT,
                "presentation claims").onlyKeys(1, 2, 3, 4, 5);
        byte[] credential = claims.bytes(1);
        long issuedAt = claims.time(2);
        byte[] nonce = claims.bytes(3, 16);
        int channel = (int) claims.integer(4, CHANNEL_QR, CHANNEL_NFC);
        List<CborItem> items = claims.array(5).items();
        if (items.isEmpty() || items.size() > MAX_DISCLOSURES) {
            throw claims.fail("between 1 and 16 disclosures expected");
        }
        List<byte[]> disclosures = new java.util.ArrayList<>(items.size());
        for (CborItem item : items) {
            if (!(item instanceof CborBytes bytes)) {
                throw claims.fail("a disclosure is not a byte string");
            }
            disclosures.add(bytes.value());
        }
        return new PresentationClaims(credential, issuedAt, nonce, channel, disclosures);
    }
}
