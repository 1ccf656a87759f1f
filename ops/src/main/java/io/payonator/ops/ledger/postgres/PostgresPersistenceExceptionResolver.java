package io.payonator.ops.ledger.postgres;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/** A unique key refused the row (SQLSTATE 23505): for Axon, a concurrent modification, not a storage failure. */
final class PostgresPersistenceExceptionResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return PostgresFailures.hasState(exception, UNIQUE_VIOLATION);
    }
}
