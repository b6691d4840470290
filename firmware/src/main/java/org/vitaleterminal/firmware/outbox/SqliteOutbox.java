package org.vitaleterminal.firmware.outbox;

import static org.vitaleterminal.firmware.state.SqliteConnections.closeQuietly;
import static org.vitaleterminal.firmware.state.SqliteConnections.execute;
import static org.vitaleterminal.firmware.state.SqliteConnections.intQuery;
import static org.vitaleterminal.firmware.state.SqliteConnections.rollback;
import static org.vitaleterminal.firmware.state.SqliteConnections.stringQuery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.vitaleterminal.firmware.state.AtomicFiles;
import org.vitaleterminal.firmware.state.SqliteConnections;
import org.vitaleterminal.firmware.state.SqliteErrors;

/**
 * The outbox in one SQLite file ({@code outbox.db} in {@code state.dir}), in WAL mode with
 * {@code synchronous=FULL}: a commit has reached the storage when {@link #append} returns, and
 * survives a power cut ({@code NORMAL} could roll the last commits back).
 *
 * <p><b>One connection under a lock.</b> SQLite has one writer at a time anyway, and an append
 * costs one WAL fsync whatever the concurrency; a single connection guarded by a lock gives the
 * scan loop (append) and the publisher (after/remove) a simple, busy-free view, keeps an in-memory
 * depth counter exact, and needs no pool. The connection runs in {@code locking_mode=EXCLUSIVE}:
 * it holds the file lock until closed, so a second terminal process on the same state directory
 * fails at open instead of interleaving sequence numbers (and no {@code -shm} file is needed).
 *
 * <p><b>Sequence numbers never go back.</b> The last allocated {@code seq} is a row of the
 * {@code meta} table, updated in the same transaction as the event insert, so emptying the event
 * table does not reset it.
 *
 * <p><b>Fail closed.</b> A new database is only ever created when no file exists, by building it
 * beside the final name and renaming it into place, so an existing {@code outbox.db} is always a
 * complete outbox. A file that is not an outbox, fails SQLite's quick check, lacks its counter or
 * is locked by another process is refused with an {@link OutboxException} naming it; it is never
 * replaced by a fresh database that would hand out used sequence numbers again
 * ({@code docs/outbox.md} has the technician's recovery steps).
 */
public final class SqliteOutbox implements Outbox {
    /** The outbox's file name in {@code state.dir}. */
    public static final String FILE_NAME = "outbox.db";
    /** Default {@code outbox.capacity}: about 150 MB of accepted events, weeks of a busy counter. */
    public static final long DEFAULT_CAPACITY = 100_000;
    /** An event larger than this is a bug, and far above what any broker should be sent. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    /** "VTOB" in the database header, so that a foreign SQLite file is recognised as such. */
    static final int APPLICATION_ID = 0x56544F42;
    static final int SCHEMA_VERSION = 1;

    private static final String LAST_SEQ = "last_seq";
    private static final String[] SCHEMA = {
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "CREATE TABLE event (seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE,"
                + " created_at_ms INTEGER NOT NULL, payload BLOB NOT NULL)",
        "INSERT INTO meta (key, value) VALUES ('" + LAST_SEQ + "', 0)",
        "PRAGMA application_id = " + APPLICATION_ID,
        "PRAGMA user_version = " + SCHEMA_VERSION,
    };

    private final Path file;
    private final long capacity;
    private final Clock clock;
    private final UuidV7 ids;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private long depth;

    private SqliteOutbox(Path file, long capacity, Clock clock, UuidV7 ids, Connection connection, long depth) {
        this.file = file;
        this.capacity = capacity;
        this.clock = clock;
        this.ids = ids;
        this.connection = connection;
        this.depth = depth;
    }

    /**
     * Opens the outbox in {@code file}, creating it only if no file of that name exists.
     *
     * @param capacity the most events it holds before {@link #append} refuses new ones
     * @param ids      allocates event ids (its clock should be {@code clock})
     * @throws OutboxException naming the file when it is unreadable, not an outbox, damaged,
     *                         in use by another process, or its directory is missing
     */
    public static SqliteOutbox open(Path file, long capacity, Clock clock, UuidV7 ids) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new OutboxException("outbox " + absolute + ": directory " + directory + " does not exist");
        }
        if (!Files.exists(absolute)) {
            create(absolute);
        }
        Connection connection = connect(absolute);
        try {
            long depth = check(absolute, connection);
            return new SqliteOutbox(absolute, capacity, clock, ids, connection, depth);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public long capacity() {
        return capacity;
    }

    @Override
    public StoredEvent append(EventWriter writer) {
        Objects.requireNonNull(writer, "writer");
        lock.lock();
        try {
            Connection db = open();
            if (depth >= capacity) {
                throw new OutboxFullException("outbox " + file + " holds its capacity of " + capacity
                        + " events (outbox.capacity); nothing stored");
            }
            execute(db, "BEGIN IMMEDIATE");
            try {
                long seq = lastSeq(db) + 1;
                String eventId = ids.nextString();
                Instant createdAt = clock.instant();
                byte[] payload = writer.write(seq, eventId);
                checkPayload(payload);
                try (PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO event (seq, event_id, created_at_ms, payload) VALUES (?, ?, ?, ?)")) {
                    insert.setLong(1, seq);
                    insert.setString(2, eventId);
                    insert.setLong(3, createdAt.toEpochMilli());
                    insert.setBytes(4, payload);
                    insert.executeUpdate();
                }
                try (PreparedStatement update = db.prepareStatement("UPDATE meta SET value = ? WHERE key = ?")) {
                    update.setLong(1, seq);
                    update.setString(2, LAST_SEQ);
                    update.executeUpdate();
                }
                execute(db, "COMMIT");
                depth++;
                return new StoredEvent(seq, eventId, createdAt, payload);
            } catch (SQLException | RuntimeException e) {
                rollback(db);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot commit an event", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<StoredEvent> after(long afterSeq, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        lock.lock();
        try (PreparedStatement select = open().prepareStatement("SELECT seq, event_id, created_at_ms, payload"
                + " FROM event WHERE seq > ? ORDER BY seq LIMIT ?")) {
            select.setLong(1, afterSeq);
            select.setInt(2, max);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(rows.getLong(1), rows.getString(2),
                            Instant.ofEpochMilli(rows.getLong(3)), rows.getBytes(4)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw failure("cannot read events", e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deletes an acknowledged event with {@code synchronous=NORMAL}: no fsync of its own. A power
     * cut may undo the last removals, and those events are then sent again — a duplicate, which
     * at-least-once delivery allows — but never lost: WAL frames reach the storage in order, so
     * the next append's fsync (FULL) makes every earlier removal durable too. This keeps a backlog
     * draining at the broker's pace instead of the SD card's fsync rate.
     */
    @Override
    public void remove(long seq) {
        lock.lock();
        try {
            Connection db = open();
            execute(db, "PRAGMA synchronous = NORMAL");
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM event WHERE seq = ?")) {
                delete.setLong(1, seq);
                if (delete.executeUpdate() == 1) {
                    depth--;
                }
            } finally {
                execute(db, "PRAGMA synchronous = FULL");
            }
        } catch (SQLException e) {
            throw failure("cannot remove event seq " + seq, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long depth() {
        lock.lock();
        try {
            open();
            return depth;
        } finally {
            lock.unlock();
        }
    }

    /** The last {@code seq} handed out, 0 before the first event; it survives emptying. */
    public long lastSeq() {
        lock.lock();
        try {
            return lastSeq(open());
        } catch (SQLException e) {
            throw failure("cannot read the sequence counter", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Duration> oldestAge() {
        lock.lock();
        try (Statement statement = open().createStatement();
                ResultSet row = statement.executeQuery("SELECT created_at_ms FROM event ORDER BY seq LIMIT 1")) {
            if (!row.next()) {
                return Optional.empty();
            }
            Duration age = Duration.between(Instant.ofEpochMilli(row.getLong(1)), clock.instant());
            return Optional.of(age.isNegative() ? Duration.ZERO : age); // the clock may have gone back
        } catch (SQLException e) {
            throw failure("cannot read the oldest event", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                closeQuietly(connection);
                connection = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "SqliteOutbox[" + file + "]";
    }

    private Connection open() {
        if (connection == null) {
            throw new OutboxException("outbox " + file + " is closed");
        }
        return connection;
    }

    private static void checkPayload(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw new IllegalArgumentException("the event writer returned no payload");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("event payload of " + payload.length + " bytes exceeds "
                    + MAX_PAYLOAD_BYTES);
        }
    }

    private OutboxException failure(String what, SQLException e) {
        return new OutboxException("outbox " + file + ": " + what + " (" + SqliteErrors.describe(e) + ")", e);
    }

    /** Builds a new outbox beside {@code file} and renames it into place, fsyncing both. */
    private static void create(Path file) {
        Path building = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.deleteIfExists(building); // left by a crash during an earlier creation
            Files.deleteIfExists(building.resolveSibling(building.getFileName() + "-wal"));
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            try (Connection db = config.createConnection("jdbc:sqlite:" + building)) {
                execute(db, "BEGIN IMMEDIATE");
                for (String statement : SCHEMA) {
                    execute(db, statement);
                }
                execute(db, "COMMIT");
                execute(db, "PRAGMA wal_checkpoint(TRUNCATE)"); // everything into the main file
            }
            Files.deleteIfExists(building.resolveSibling(building.getFileName() + "-wal"));
            Files.deleteIfExists(building.resolveSibling(building.getFileName() + "-shm"));
            AtomicFiles.moveDurably(building, file);
        } catch (SQLException e) {
            throw new OutboxException("outbox " + file + ": cannot create it (" + SqliteErrors.describe(e) + ")", e);
        } catch (IOException e) {
            throw new OutboxException("outbox " + file + ": cannot create it (" + e + ")", e);
        }
    }

    private static Connection connect(Path file) {
        try {
            Connection db = SqliteConnections.openExclusive(file, true); // never start afresh here
            try {
                execute(db, "PRAGMA cell_size_check = ON");
                execute(db, "PRAGMA trusted_schema = OFF");
                // Take the write lock now: a second process fails here, not at its first event.
                execute(db, "BEGIN IMMEDIATE");
                execute(db, "COMMIT");
                return db;
            } catch (SQLException e) {
                closeQuietly(db);
                throw e;
            }
        } catch (SQLException e) {
            throw new OutboxException("outbox " + file + ": cannot open it (" + SqliteErrors.describe(e) + ")", e);
        }
    }

    /** Checks that the file is a sound outbox; returns its depth. */
    private static long check(Path file, Connection db) {
        try {
            int applicationId = intQuery(db, "PRAGMA application_id");
            int version = intQuery(db, "PRAGMA user_version");
            if (applicationId != APPLICATION_ID || version != SCHEMA_VERSION) {
                throw new OutboxException("outbox " + file + ": not a vitale-terminal outbox of schema version "
                        + SCHEMA_VERSION + " (application_id " + applicationId + ", user_version " + version + ")");
            }
            String journal = stringQuery(db, "PRAGMA journal_mode");
            if (!"wal".equalsIgnoreCase(journal)) {
                throw new OutboxException("outbox " + file + ": journal mode is " + journal + ", expected wal");
            }
            String integrity = stringQuery(db, "PRAGMA quick_check(1)");
            if (!"ok".equalsIgnoreCase(integrity)) {
                throw new OutboxException("outbox " + file + ": damaged (SQLite quick_check: " + integrity + ")");
            }
            long lastSeq = lastSeq(db);
            long maxSeq;
            long count;
            try (Statement statement = db.createStatement();
                    ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(seq), 0), COUNT(*) FROM event")) {
                row.next();
                maxSeq = row.getLong(1);
                count = row.getLong(2);
            }
            if (maxSeq > lastSeq) {
                throw new OutboxException("outbox " + file + ": sequence counter " + lastSeq
                        + " is below the stored event seq " + maxSeq);
            }
            return count;
        } catch (SQLException e) {
            throw new OutboxException("outbox " + file + ": cannot read it (" + SqliteErrors.describe(e) + ")", e);
        }
    }

    private static long lastSeq(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            select.setString(1, LAST_SEQ);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the sequence counter row is missing");
                }
                return row.getLong(1);
            }
        }
    }
}
