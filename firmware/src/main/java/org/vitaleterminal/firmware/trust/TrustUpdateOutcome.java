package org.vitaleterminal.firmware.trust;

import java.util.Optional;
import org.vitaleterminal.credential.trust.TrustListProblem;

/**
 * What became of an offered trust list. A refusal carries a reason code and a fixed explanation,
 * never the payload.
 *
 * @param result  installed, already in use, or refused
 * @param version the version of the list now in use (-1 when none)
 * @param reason  why it was refused ({@link Reason}), empty otherwise
 * @param detail  a one-line explanation for logs and the operator
 */
public record TrustUpdateOutcome(Result result, long version, Optional<Reason> reason, String detail) {

    public enum Result { INSTALLED, UNCHANGED, REFUSED }

    /** The refusal reasons: the reader's and gate's problems, plus the terminal's own. */
    public enum Reason {
        MALFORMED, UNKNOWN_ROOT, UNSUPPORTED_ALG, BAD_SIGNATURE, DUPLICATE_KID, ROLLBACK, STALE,
        /** The state directory could not be read or written; nothing changed. */
        STATE_IO;

        static Reason of(TrustListProblem problem) {
            return valueOf(problem.name());
        }
    }

    static TrustUpdateOutcome installed(long version) {
        return new TrustUpdateOutcome(Result.INSTALLED, version, Optional.empty(), "installed version " + version);
    }

    static TrustUpdateOutcome unchanged(long version) {
        return new TrustUpdateOutcome(Result.UNCHANGED, version, Optional.empty(), "already in use (version " + version + ")");
    }

    static TrustUpdateOutcome refused(Reason reason, long versionInUse, String detail) {
        return new TrustUpdateOutcome(Result.REFUSED, versionInUse, Optional.of(reason), detail);
    }

    public boolean changed() {
        return result == Result.INSTALLED;
    }
}
