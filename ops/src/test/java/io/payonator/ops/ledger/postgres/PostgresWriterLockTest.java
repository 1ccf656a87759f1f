package io.payonator.ops.ledger.postgres;

import io.payonator.ops.ledger.LedgerInUseException;
import io.payonator.ops.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The writer lock of a PostgreSQL ledger: one writer at a time, and the next one right after it. */
class PostgresWriterLockTest {

    private static final int WRITERS_IN_A_ROW = 50;

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        String url = TestPostgres.newDatabase();
        try (PostgresWriterLock first = PostgresWriterLock.acquire(DriverManager.getConnection(url), "ledger");
             Connection second = DriverManager.getConnection(url)) {
            assertThatThrownBy(() -> PostgresWriterLock.acquire(second, "ledger"))
                    .isInstanceOf(LedgerInUseException.class)
                    .hasMessageContaining("in use by another payonator process");
        }
    }

    /**
     * As a script's imports follow one another: each asks for the lock the moment the one before
     * has closed, on a connection it opened meanwhile.
     */
    @Test
    void aWriterThatStartsAsTheLastOneClosesGetsTheLock() throws Exception {
        String url = TestPostgres.newDatabase();
        PostgresWriterLock held = PostgresWriterLock.acquire(DriverManager.getConnection(url), "ledger");
        Connection next = DriverManager.getConnection(url);
        for (int writer = 0; writer < WRITERS_IN_A_ROW; writer++) {
            Connection following = DriverManager.getConnection(url);
            held.close();
            held = PostgresWriterLock.acquire(next, "ledger");
            next = following;
        }
        held.close();
        next.close();
    }
}
