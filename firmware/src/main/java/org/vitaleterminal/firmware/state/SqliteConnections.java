package org.vitaleterminal.firmware.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * How the terminal's SQLite stores ({@code outbox.db}, {@code replay.db}) open their one
 * connection, and the few statement helpers they share.
 *
 * <p>{@link #openExclusive} gives a connection in {@code locking_mode=EXCLUSIVE} (it holds the file
 * lock until closed, so a second terminal process on the same state directory fails instead of
 * interleaving writes, and WAL needs no {@code -shm} file), {@code journal_mode=WAL} and
 * {@code synchronous=FULL} (a commit has reached the storage when it returns), with no busy wait:
 * a store in use fails at once with {@code SQLITE_BUSY}.
 */
public final class SqliteConnections {
    private SqliteConnections() {}

    /**
     * Opens {@code file} with the pragmas above, set before the first access so that they take
     * effect. The file lock itself is taken by the caller's first transaction.
     *
     * @param mustExist when true, a missing file is an error instead of a new empty database
     */
    public static Connection openExclusive(Path file, boolean mustExist) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if (mustExist) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        config.setBusyTimeout(0);
        Connection db = config.createConnection("jdbc:sqlite:" + file);
        try {
            execute(db, "PRAGMA locking_mode = EXCLUSIVE");
            execute(db, "PRAGMA journal_mode = WAL");
            execute(db, "PRAGMA synchronous = FULL");
            return db;
        } catch (SQLException e) {
            closeQuietly(db);
            throw e;
        }
    }

    public static void execute(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row as an int, 0 when there is no row. */
    public static int intQuery(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /** The first column of the first row as a string, "" when there is no row. */
    public static String stringQuery(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : "";
        }
    }

    /** Rolls back the open transaction, if SQLite has not already done so after an error. */
    public static void rollback(Connection db) {
        try {
            execute(db, "ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction open any more: SQLite already rolled it back after the error
        }
    }

    /** Closes {@code db} (null is fine), ignoring failures: there is nothing more to release. */
    public static void closeQuietly(Connection db) {
        if (db == null) {
            return;
        }
        try {
            db.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }
}
