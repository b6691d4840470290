package org.vitaleterminal.credential.trust;

/** A refused trust list: the problem and a fixed explanation for the operator. */
public final class TrustListException extends Exception {
    private final TrustListProblem problem;

    public TrustListException(TrustListProblem problem, String detail) {
        super(detail, null, false, false);
        this.problem = problem;
    }

    public TrustListProblem problem() {
        return problem;
    }
}
