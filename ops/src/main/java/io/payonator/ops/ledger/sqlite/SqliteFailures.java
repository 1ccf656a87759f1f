package io.payonator.ops.ledger.sqlite;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;


/** What an SQLite error means for an operator: worth retrying, or a condition to name plainly. */
public final class SqliteFailures {

    private SqliteFailures() {
    }

    /** Another connection holds the ledger's write lock: waiting and trying again can succeed. */
    public static boolean isBusy(Throwable failure) {
        return primaryCode(failure) == SQLiteErrorCode.SQLITE_BUSY.code;
    }

    /** Whether the failure comes from SQLite at all. */
    public static boolean isSqlite(Throwable failure) {
        return sqliteCause(failure) != null;
    }

    /** A plain statement of what went wrong with the ledger file, for a message to the operator. */
    public static String describe(Throwable failure) {
        int primary = primaryCode(failure);
        String code = primary < 0 ? "" : " (" + codeName(failure) + ")";
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return "the disk holding the ledger is full" + code;
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
            return "the ledger file is read-only" + code;
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return "the ledger file cannot be opened for reading and writing" + code;
        }
        if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            return "the ledger file could not be read or written" + code;
        }
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code) {
            return "the ledger is locked by another writer" + code;
        }
        SQLiteException sqlite = sqliteCause(failure);
        return sqlite != null ? sqlite.getMessage() : failure.getMessage();
    }

    private static int primaryCode(Throwable failure) {
        SQLiteException sqlite = sqliteCause(failure);
        return sqlite == null ? -1 : sqlite.getResultCode().code & 0xff;
    }

    private static String codeName(Throwable failure) {
        return sqliteCause(failure).getResultCode().name();
    }

    /** The first SQLite error in the chain of causes. */
    private static SQLiteException sqliteCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                return sqlite;
            }
        }
        return null;
    }
}
