package io.payonator.query;

import jakarta.annotation.PostConstruct;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;

/**
 * The index of {@code ledger_transaction} by client, which {@code /accounts/{client}/transactions}
 * reads. Kept up to date row by row it is the projection's largest cost: each batch's rows land all
 * over it (one place per client), so nearly every page of it is rewritten at every commit. When the
 * whole table is being filled from the start by a replay, the replay suspends it and builds it once
 * at the end, a sort instead of a million scattered inserts. (A temporary ledger keeps no
 * transaction table at all: see {@link BalanceProjection#TRANSACTION_HISTORY}.)
 * It is built again whenever the ledger is opened, should a job have stopped before restoring it.
 */
@Component
public class TransactionHistoryIndex {

    private static final String NAME = "ledger_transaction_by_client";
    private static final String TABLE = "ledger_transaction";

    private final JdbcTemplate jdbc;

    TransactionHistoryIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void suspend() {
        jdbc.execute("DROP INDEX IF EXISTS " + NAME);
    }

    /**
     * Builds the index if it is missing. Only reads when it is there: SQLite's CREATE INDEX IF NOT
     * EXISTS takes the write lock even then. The database's own catalogue, through JDBC, says.
     */
    @PostConstruct
    public void restore() {
        if (!exists()) {
            jdbc.execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON " + TABLE + " (client, position)");
        }
    }

    private boolean exists() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, TABLE, false, true)) {
                while (indexes.next()) {
                    if (NAME.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
                return false;
            }
        }));
    }
}
