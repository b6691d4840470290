package org.vitaleterminal.credential.vt1;

import java.time.Instant;
import java.util.HexFormat;
import org.vitaleterminal.credential.crypto.Kid;

/**
 * The issuer-signed metadata of a verified credential.
 *
 * @param id         the credential id (cti, 16 bytes), the revocation handle
 * @param delegate   the delegate's display name when the credential was issued to a delegate,
 *                   else {@code null}
 * @param delegatedUntil end of the delegation, or {@code null}
 */
public record CredentialInfo(byte[] id, String issuer, Kid kid, Instant issuedAt, Instant notBefore,
                             Instant expiresAt, boolean demo, String delegate, Instant delegatedUntil) {
    public CredentialInfo {
        id = id.clone();
    }

    @Override
    public byte[] id() {
        return id.clone();
    }

    public String idHex() {
        return HexFormat.of().formatHex(id);
    }

    public boolean delegated() {
        return delegate != null;
    }

    /** The delegate's name is personal data: leave it out. */
    @Override
    public String toString() {
        return "CredentialInfo[id=" + idHex() + ", issuer=" + issuer + ", kid=" + kid + ", demo=" + demo
                + ", delegated=" + delegated() + "]";
    }
}
