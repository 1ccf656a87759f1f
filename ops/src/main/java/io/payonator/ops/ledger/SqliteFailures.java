package io.payonator.ops.ledger;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;

/** What an SQLite error means for an operator: worth retrying, or a condition to name plainly. */
public final class SqliteFailures {

    private SqliteFailures() {
    }

    /** Another connection holds the ledger's write lock: waiting and trying again can succeed. */
    public static boolean isBusy(Throwable failure) {
        SQLiteErrorCode code = codeOf(failure);
        return code != null && (code.code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code;
    }

    /** A plain statement of what went wrong with the ledger file, for a message to the operator. */
    public static String describe(Throwable failure) {
        SQLiteErrorCode code = codeOf(failure);
        if (code == null) {
            return String.valueOf(failure.getMessage());
        }
        int primary = code.code & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return "the disk holding the ledger is full (" + code.name() + ")";
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code) {
            return "the ledger file is read-only (" + code.name() + ")";
        }
        if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            return "the ledger file could not be read or written (" + code.name() + ")";
        }
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code) {
            return "the ledger is locked by another writer (" + code.name() + ")";
        }
        return failure.getMessage();
    }

    private static SQLiteErrorCode codeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                return sqlite.getResultCode();
            }
            if (cause instanceof SQLException sql && sql.getErrorCode() != 0) {
                return SQLiteErrorCode.getErrorCode(sql.getErrorCode());
            }
        }
        return null;
    }
}
