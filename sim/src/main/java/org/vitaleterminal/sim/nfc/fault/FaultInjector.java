package org.vitaleterminal.sim.nfc.fault;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which faults hit the output of each command the chip accepts. Rules are checked in the
 * order they were added; every matching one contributes its faults:
 * <ul>
 * <li>{@link #onNext(Fault...)}: the next command, whatever it is (one shot);</li>
 * <li>{@link #onNext(int, Fault...)}: the next command with this code (one shot);</li>
 * <li>{@link #onCommand(int, int, Fault...)}: the n-th command with this code from now on;</li>
 * <li>{@link #always(int, Fault...)}: every command with this code until {@link #clear()};</li>
 * <li>{@link #randomly}: per command, with a probability, one fault drawn from a set of kinds
 * with a seeded generator (garbage contents, truncation points and delays too).</li>
 * </ul>
 * Thread-safe: a test may add rules while the chip runs on a pseudo-terminal.
 */
public final class FaultInjector {
    /** Any command code. */
    public static final int ANY = -1;

    private final List<Rule> rules = new ArrayList<>();
    private RandomFaults random;

    private static final class Rule {
        final int code;
        final List<Fault> faults;
        int skip;
        final boolean persistent;

        Rule(int code, int skip, boolean persistent, Fault... faults) {
            this.code = code;
            this.skip = skip;
            this.persistent = persistent;
            this.faults = List.of(faults);
        }
    }

    private record RandomFaults(SecureRandom random, double probability, List<FaultKind> kinds, Duration maxDelay) {}

    public synchronized FaultInjector onNext(Fault... faults) {
        rules.add(new Rule(ANY, 0, false, faults));
        return this;
    }

    public synchronized FaultInjector onNext(int commandCode, Fault... faults) {
        rules.add(new Rule(commandCode, 0, false, faults));
        return this;
    }

    /** Faults for the {@code nth} (1-based) command with this code from now on. */
    public synchronized FaultInjector onCommand(int commandCode, int nth, Fault... faults) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth is 1-based: " + nth);
        }
        rules.add(new Rule(commandCode, nth - 1, false, faults));
        return this;
    }

    public synchronized FaultInjector always(int commandCode, Fault... faults) {
        rules.add(new Rule(commandCode, 0, true, faults));
        return this;
    }

    /**
     * With {@code probability} per command, one fault of a kind drawn from {@code kinds}. Delays are
     * drawn up to {@code maxDelay}. Replaces an earlier random setting.
     */
    public synchronized FaultInjector randomly(SecureRandom random, double probability, Set<FaultKind> kinds,
            Duration maxDelay) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability " + probability);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no fault kind to draw from");
        }
        this.random = new RandomFaults(Objects.requireNonNull(random, "random"), probability,
                List.copyOf(EnumSet.copyOf(kinds)), Objects.requireNonNull(maxDelay, "maxDelay"));
        return this;
    }

    public synchronized void clear() {
        rules.clear();
        random = null;
    }

    /** Called by the chip once per accepted command frame; consumes one-shot rules. */
    public synchronized List<Fault> faultsFor(int commandCode) {
        List<Fault> result = new ArrayList<>();
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule rule = it.next();
            if (rule.code != ANY && rule.code != commandCode) {
                continue;
            }
            if (rule.skip > 0) {
                rule.skip--;
                continue;
            }
            result.addAll(rule.faults);
            if (!rule.persistent) {
                it.remove();
            }
        }
        if (random != null && random.random.nextDouble() < random.probability) {
            result.add(draw(random));
        }
        return result;
    }

    private static Fault draw(RandomFaults r) {
        FaultKind kind = r.kinds.get(r.random.nextInt(r.kinds.size()));
        return switch (kind) {
            case DROP_ACK -> new Fault.DropAck();
            case GARBAGE_BEFORE_ACK -> new Fault.GarbageBeforeAck(garbage(r.random));
            case GARBAGE_BEFORE_RESPONSE -> new Fault.GarbageBeforeResponse(garbage(r.random));
            case GARBAGE_INSIDE_RESPONSE -> new Fault.GarbageInsideResponse(1 + r.random.nextInt(8), garbage(r.random));
            case CORRUPT_LCS -> new Fault.CorruptLcs();
            case CORRUPT_DCS -> new Fault.CorruptDcs();
            case TRUNCATE -> new Fault.Truncate(r.random.nextInt(8));
            case DELAY -> new Fault.Delay(Duration.ofNanos((long) (r.random.nextDouble() * r.maxDelay.toNanos())));
            case ZOMBIE -> new Fault.Zombie();
        };
    }

    private static byte[] garbage(SecureRandom random) {
        byte[] bytes = new byte[1 + random.nextInt(6)];
        random.nextBytes(bytes);
        return bytes;
    }
}
