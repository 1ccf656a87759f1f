package io.payonator.ops.ledger.postgres;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/** A unique key refused the row (SQLSTATE 23505): for Axon, a concurrent modification, not a storage failure. */
final class PostgresPersistenceExceptionResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
