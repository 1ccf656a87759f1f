package io.payonator.query;

import jakarta.annotation.PostConstruct;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The index of {@code ledger_transaction} by client, which {@code /accounts/{client}/transactions}
 * reads. Kept up to date row by row it is the projection's largest cost: each batch's rows land all
 * over it (one place per client), so nearly every page of it is rewritten at every commit. When the
 * whole table is being filled from the start by a replay, the replay suspends it and builds it once
 * at the end, a sort instead of a million scattered inserts; an import into a temporary ledger,
 * which nothing reads it from, goes without it.
 * It is built again whenever the ledger is opened, should a job have stopped before restoring it.
 */
@Component
public class TransactionHistoryIndex {

    private static final String NAME = "ledger_transaction_by_client";

    private final JdbcTemplate jdbc;

    TransactionHistoryIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void suspend() {
        jdbc.execute("DROP INDEX IF EXISTS " + NAME);
    }

    /** Builds the index if it is missing. Only reads when it is there: SQLite's CREATE INDEX IF NOT EXISTS takes the write lock even then. */
    @PostConstruct
    public void restore() {
        if (!exists()) {
            jdbc.execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON ledger_transaction (client, position)");
        }
    }

    private boolean exists() {
        Integer found = jdbc.queryForObject("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?",
                Integer.class, NAME);
        return found != null && found > 0;
    }
}
