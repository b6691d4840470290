package org.vitaleterminal.firmware.state;

import java.sql.SQLException;
import org.sqlite.SQLiteException;

/**
 * Words for SQLite failures in messages: the result code and what it means for a technician. For
 * engine errors only the code is used, never the driver's message, so no SQL text can reach a log
 * line (values are always bound parameters, which SQLite does not echo anyway).
 */
public final class SqliteErrors {
    private SqliteErrors() {}

    public static String describe(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            return switch (sqlite.getResultCode()) {
                case SQLITE_BUSY, SQLITE_LOCKED -> "in use by another process (SQLITE_BUSY)";
                case SQLITE_NOTADB -> "not an SQLite database (SQLITE_NOTADB)";
                case SQLITE_CORRUPT -> "damaged (SQLITE_CORRUPT)";
                case SQLITE_CANTOPEN -> "cannot open the file (SQLITE_CANTOPEN)";
                case SQLITE_FULL -> "storage full (SQLITE_FULL)";
                default -> sqlite.getResultCode().name();
            };
        }
        return e.getMessage(); // the driver's own state messages ("database connection closed"), or ours
    }
}
