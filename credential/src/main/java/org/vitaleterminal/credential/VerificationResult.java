package org.vitaleterminal.credential;

import org.vitaleterminal.credential.hc1.VerifiedHcert;
import org.vitaleterminal.credential.vt1.VerifiedPresentation;

/**
 * The outcome of verifying one payload. Exactly one of three shapes: a rejection with its
 * reason, an accepted VT1 presentation with the data it proved, or an accepted HC1 certificate.
 */
public sealed interface VerificationResult
        permits VerificationResult.Rejected, VerificationResult.AcceptedPresentation, VerificationResult.AcceptedHcert {

    Reason reason();

    PayloadFormat format();

    default boolean accepted() {
        return reason() == Reason.OK;
    }

    /**
     * @param detail a fixed English explanation for technicians and logs; never payload text
     */
    record Rejected(Reason reason, String detail, PayloadFormat format) implements VerificationResult {
        public Rejected {
            if (reason == Reason.OK) {
                throw new IllegalArgumentException("a rejection needs a failure reason");
            }
        }

        public static Rejected of(Rejection rejection, PayloadFormat format) {
            return new Rejected(rejection.reason(), rejection.detail(), format);
        }
    }

    record AcceptedPresentation(VerifiedPresentation presentation) implements VerificationResult {
        @Override
        public Reason reason() {
            return Reason.OK;
        }

        @Override
        public PayloadFormat format() {
            return PayloadFormat.VT1;
        }
    }

    record AcceptedHcert(VerifiedHcert hcert) implements VerificationResult {
        @Override
        public Reason reason() {
            return Reason.OK;
        }

        @Override
        public PayloadFormat format() {
            return PayloadFormat.HC1;
        }
    }
}
