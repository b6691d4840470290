package org.vitaleterminal.firmware.trust;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.vitaleterminal.credential.trust.TrustList;
import org.vitaleterminal.credential.trust.TrustListException;
import org.vitaleterminal.credential.trust.TrustListGate;
import org.vitaleterminal.credential.trust.TrustListReader;
import org.vitaleterminal.credential.trust.TrustRoot;
import org.vitaleterminal.firmware.trust.TrustUpdateOutcome.Reason;

/**
 * Installs a trust list offered from MQTT ({@code vt/v1/trust}) or by {@code trust import}: it
 * must verify against the pinned roots, be above the highest version ever accepted (or be the
 * very list in use, which changes nothing), and not be past exp + grace. Only then is it stored
 * atomically and swapped into the {@link TrustListHolder}. Any refusal leaves the list in use and
 * the stored files exactly as they were. Checks fail closed: an unreadable version record refuses
 * every update.
 */
public final class TrustListUpdater implements TrustUpdates {
    private static final System.Logger LOG = System.getLogger(TrustListUpdater.class.getName());

    private final List<TrustRoot> roots;
    private final TrustListStore store;
    private final TrustListHolder holder;
    private final Clock clock;
    private final Duration grace;

    public TrustListUpdater(List<TrustRoot> roots, TrustListStore store, TrustListHolder holder, Clock clock,
                            Duration grace) {
        this.roots = List.copyOf(roots);
        this.store = store;
        this.holder = holder;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * @param bytes  the raw COSE bytes
     * @param source where they came from, for the log ({@code mqtt vt/v1/trust}, a file name)
     */
    @Override
    public synchronized TrustUpdateOutcome offer(byte[] bytes, String source) {
        TrustList inUse = holder.current().orElse(null);
        long versionInUse = inUse == null ? -1 : inUse.version();
        TrustList candidate;
        try {
            candidate = TrustListReader.read(bytes, roots);
        } catch (TrustListException e) {
            return refuse(Reason.of(e.problem()), versionInUse, e.getMessage(), source);
        }
        long highest;
        try {
            highest = Math.max(store.recordedHighest(), versionInUse);
        } catch (IOException e) {
            return refuse(Reason.STATE_IO, versionInUse, "cannot read the highest accepted version: " + e.getMessage(), source);
        }
        try {
            if (!TrustListGate.admit(candidate, highest, inUse, clock.instant(), grace)) {
                LOG.log(Level.DEBUG, "trust list from {0}: version {1} already in use", source, versionInUse);
                return TrustUpdateOutcome.unchanged(versionInUse);
            }
        } catch (TrustListException e) {
            return refuse(Reason.of(e.problem()), versionInUse, e.getMessage(), source);
        }
        try {
            store.store(candidate.encoded(), candidate.version());
        } catch (IOException e) {
            return refuse(Reason.STATE_IO, versionInUse, "cannot store it in " + store.listFile().getParent() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", source);
        }
        holder.replace(candidate);
        LOG.log(Level.INFO, "trust list from {0}: installed version {1} (was {2}), {3} keys, {4} revocations",
                source, candidate.version(), versionInUse, candidate.issuerKeyCount(), candidate.revocationCount());
        return TrustUpdateOutcome.installed(candidate.version());
    }

    private static TrustUpdateOutcome refuse(Reason reason, long versionInUse, String detail, String source) {
        LOG.log(Level.WARNING, "trust list from {0} refused ({1}): {2}; version {3} stays in use", source, reason,
                detail, versionInUse);
        return TrustUpdateOutcome.refused(reason, versionInUse, detail);
    }
}
