package org.vitaleterminal.sim.nfc.chip;

/**
 * A command between its ACK and its response. The chip completes it once the clock reaches
 * {@link #dueAt()}; a change in the RF field (a phone arriving) may bring that moment forward.
 */
interface Pending {
    long NEVER = Long.MAX_VALUE;

    long dueAt();

    /** The field changed at {@code now}; the default ignores it. */
    default void fieldChanged(long now) {
    }

    Reply complete(long now);

    static Pending at(long dueAt, Reply reply) {
        return new Pending() {
            @Override
            public long dueAt() {
                return dueAt;
            }

            @Override
            public Reply complete(long now) {
                return reply;
            }
        };
    }

    static long plus(long time, long delta) {
        return time == NEVER || delta == NEVER || time > NEVER - delta ? NEVER : time + delta;
    }
}
