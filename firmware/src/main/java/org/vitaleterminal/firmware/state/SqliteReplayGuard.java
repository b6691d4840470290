package org.vitaleterminal.firmware.state;

import static org.vitaleterminal.firmware.state.SqliteConnections.closeQuietly;
import static org.vitaleterminal.firmware.state.SqliteConnections.execute;
import static org.vitaleterminal.firmware.state.SqliteConnections.intQuery;
import static org.vitaleterminal.firmware.state.SqliteConnections.rollback;
import static org.vitaleterminal.firmware.state.SqliteConnections.stringQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.vitaleterminal.credential.vt1.ReplayGuard;

/**
 * A {@link ReplayGuard} that survives restarts: accepted (credential id, nonce) pairs live in
 * {@code replay.db} in {@code state.dir} until their freshness window ends, so a screenshot of a
 * QR code shown again after a reboot is still refused as {@code REPLAYED} within its window.
 *
 * <p>Same storage choices as the outbox (one SQLite connection under a lock, WAL,
 * {@code synchronous=FULL}, exclusive file lock): a pair is committed before the verifier
 * accepts, so a power cut right after an acceptance does not forget it. The table is bounded:
 * expired pairs are deleted at each record, and beyond {@code capacity} the pairs closest to
 * expiry go first. Storage failures are {@link StateException}s: the verification that asked
 * fails, so nothing is accepted without its replay check (fail closed).
 */
public final class SqliteReplayGuard implements ReplayGuard, AutoCloseable {
    public static final String FILE_NAME = "replay.db";
    /** Far beyond what one counter accepts within a five-minute window. */
    public static final int DEFAULT_CAPACITY = 10_000;
    private static final int APPLICATION_ID = 0x56545250; // "VTRP"

    private final Path file;
    private final int capacity;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;

    private SqliteReplayGuard(Path file, int capacity, Clock clock, Connection connection) {
        this.file = file;
        this.capacity = capacity;
        this.clock = clock;
        this.connection = connection;
    }

    /**
     * Opens (or creates) the replay store.
     *
     * @throws StateException naming the file when it is not a replay store, is damaged or in use
     */
    public static SqliteReplayGuard open(Path file, int capacity, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() == null || !Files.isDirectory(absolute.getParent())) {
            throw new StateException("replay store " + absolute + ": directory " + absolute.getParent() + " does not exist");
        }
        Connection db = null;
        try {
            db = SqliteConnections.openExclusive(absolute, false);
            execute(db, "BEGIN IMMEDIATE");
            int applicationId = intQuery(db, "PRAGMA application_id");
            if (applicationId == 0 && intQuery(db, "SELECT COUNT(*) FROM sqlite_schema") == 0) {
                execute(db, "CREATE TABLE replay (pair BLOB PRIMARY KEY, forget_after_ms INTEGER NOT NULL) WITHOUT ROWID");
                execute(db, "CREATE INDEX replay_expiry ON replay (forget_after_ms)");
                execute(db, "PRAGMA application_id = " + APPLICATION_ID);
            } else if (applicationId != APPLICATION_ID) {
                throw new StateException("replay store " + absolute + ": not a vitale-terminal replay store");
            }
            execute(db, "COMMIT");
            String integrity = stringQuery(db, "PRAGMA quick_check(1)");
            if (!"ok".equalsIgnoreCase(integrity)) {
                throw new StateException("replay store " + absolute + ": damaged (SQLite quick_check: " + integrity + ")");
            }
            return new SqliteReplayGuard(absolute, capacity, clock, db);
        } catch (SQLException e) {
            closeQuietly(db);
            throw new StateException("replay store " + absolute + ": cannot open it (" + SqliteErrors.describe(e) + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    @Override
    public boolean wasAccepted(byte[] credentialId, byte[] nonce, Instant now) {
        lock.lock();
        try (PreparedStatement select = open().prepareStatement("SELECT forget_after_ms FROM replay WHERE pair = ?")) {
            select.setBytes(1, pair(credentialId, nonce));
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getLong(1) >= now.toEpochMilli();
            }
        } catch (SQLException e) {
            throw new StateException("replay store " + file + ": cannot look a presentation up (" + SqliteErrors.describe(e) + ")", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void recordAccepted(byte[] credentialId, byte[] nonce, Instant forgetAfter) {
        lock.lock();
        try {
            Connection db = open();
            execute(db, "BEGIN IMMEDIATE");
            try {
                try (PreparedStatement insert = db.prepareStatement(
                        "INSERT OR REPLACE INTO replay (pair, forget_after_ms) VALUES (?, ?)")) {
                    insert.setBytes(1, pair(credentialId, nonce));
                    insert.setLong(2, forgetAfter.toEpochMilli());
                    insert.executeUpdate();
                }
                try (PreparedStatement expired = db.prepareStatement("DELETE FROM replay WHERE forget_after_ms < ?")) {
                    expired.setLong(1, clock.millis());
                    expired.executeUpdate();
                }
                try (PreparedStatement overflow = db.prepareStatement("DELETE FROM replay WHERE pair IN (SELECT pair"
                        + " FROM replay ORDER BY forget_after_ms LIMIT MAX(0, (SELECT COUNT(*) FROM replay) - ?))")) {
                    overflow.setInt(1, capacity);
                    overflow.executeUpdate();
                }
                execute(db, "COMMIT");
            } catch (SQLException e) {
                rollback(db);
                throw e;
            }
        } catch (SQLException e) {
            throw new StateException("replay store " + file + ": cannot record a presentation (" + SqliteErrors.describe(e) + ")", e);
        } finally {
            lock.unlock();
        }
    }

    /** Pairs held, expired or not. */
    public int size() {
        lock.lock();
        try {
            return intQuery(open(), "SELECT COUNT(*) FROM replay");
        } catch (SQLException e) {
            throw new StateException("replay store " + file + ": cannot count (" + SqliteErrors.describe(e) + ")", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closeQuietly(connection);
            connection = null;
        } finally {
            lock.unlock();
        }
    }

    private Connection open() {
        if (connection == null) {
            throw new StateException("replay store " + file + " is closed");
        }
        return connection;
    }

    /** Length-prefixed, so that (ab, c) and (a, bc) differ. */
    private static byte[] pair(byte[] credentialId, byte[] nonce) {
        byte[] pair = new byte[1 + credentialId.length + nonce.length];
        pair[0] = (byte) credentialId.length;
        System.arraycopy(credentialId, 0, pair, 1, credentialId.length);
        System.arraycopy(nonce, 0, pair, 1 + credentialId.length, nonce.length);
        return pair;
    }
}
