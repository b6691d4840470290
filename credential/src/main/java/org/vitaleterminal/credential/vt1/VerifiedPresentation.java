package org.vitaleterminal.credential.vt1;

import java.util.List;
import org.vitaleterminal.credential.Channel;

/**
 * Everything an accepted VT1 presentation proved: the credential's metadata, the presentation's
 * time and nonce, the insured (ouvrant droit) and the beneficiaries the holder chose to show.
 * This is exactly what an FSE event carries.
 */
public record VerifiedPresentation(Channel channel, CredentialInfo credential, PresentationInfo presentation,
                                   Insured insured, List<Beneficiary> beneficiaries) {
    public VerifiedPresentation {
        beneficiaries = List.copyOf(beneficiaries);
    }

    /** Holds personal data: print only what is safe. */
    @Override
    public String toString() {
        return "VerifiedPresentation[channel=" + channel + ", credential=" + credential
                + ", beneficiaries=" + beneficiaries.size() + "]";
    }
}
