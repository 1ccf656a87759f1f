package io.payonator.ops.ledger.sqlite;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tells Axon which SQLite errors are duplicate keys: a second event with the same aggregate and
 * sequence number is a concurrent modification, not a storage failure. Axon's own resolver knows
 * the error codes of other databases only.
 */
public class SqlitePersistenceExceptionResolver implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite && isUniqueViolation(sqlite.getResultCode())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLiteErrorCode code) {
        return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
    }
}
