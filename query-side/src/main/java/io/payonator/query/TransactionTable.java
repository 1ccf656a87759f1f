package io.payonator.query;

import io.payonator.api.DisputeState;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code ledger_transaction}, the accepted deposits and withdrawals with their dispute
 * state. Plain JDBC batches in the projection's transaction, not JPA entities: the table gets a
 * row for most events, and at a million events per import or replay Hibernate's work per entity
 * would be the projection's largest cost.
 */
final class TransactionTable {

    private static final String INSERT =
            "INSERT INTO ledger_transaction (tx, client, type, amount, state, position) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_STATE = "UPDATE ledger_transaction SET state = ? WHERE tx = ?";

    /** A deposit or withdrawal accepted in the current batch; its state may change in the same batch. */
    static final class NewTransaction {
        final long tx;
        final int client;
        final String type;
        final long amount;
        final long position;
        DisputeState state = DisputeState.NONE;

        NewTransaction(long tx, int client, String type, long amount, long position) {
            this.tx = tx;
            this.client = client;
            this.type = type;
            this.amount = amount;
            this.position = position;
        }
    }

    private final JdbcTemplate jdbc;

    TransactionTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Collection<NewTransaction> rows) {
        JdbcBatches.run(jdbc, INSERT, rows, (statement, row) -> {
            statement.setLong(1, row.tx);
            statement.setInt(2, row.client);
            statement.setString(3, row.type);
            statement.setLong(4, row.amount);
            statement.setString(5, row.state.code());
            statement.setLong(6, row.position);
        });
    }

    /** Sets the state of deposits accepted in earlier batches. */
    void updateStates(Map<Long, DisputeState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, DisputeState>> changes = List.copyOf(states.entrySet());
        int[] updated = JdbcBatches.run(jdbc, UPDATE_STATE, changes, (statement, change) -> {
            statement.setString(1, change.getValue().code());
            statement.setLong(2, change.getKey());
        });
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                throw new IllegalStateException("dispute state change for tx " + changes.get(i).getKey()
                        + ", which is not an accepted deposit in the query tables");
            }
        }
    }

    void deleteAll() {
        jdbc.update("DELETE FROM ledger_transaction");
    }
}
