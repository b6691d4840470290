package org.vitaleterminal.sim.nfc.fault;

/** The kinds of {@link Fault} the random mode of {@link FaultInjector} draws from. */
public enum FaultKind {
    DROP_ACK,
    GARBAGE_BEFORE_ACK,
    GARBAGE_BEFORE_RESPONSE,
    GARBAGE_INSIDE_RESPONSE,
    CORRUPT_LCS,
    CORRUPT_DCS,
    TRUNCATE,
    DELAY,
    ZOMBIE
}
