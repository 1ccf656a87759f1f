package io.payonator.query;

import io.payonator.api.event.RowMalformed;
import io.payonator.api.event.TransactionRejected;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;

/**
 * Writes {@code rejected_row}, every malformed or rejected row, in one JDBC batch per projection
 * batch (read back as {@link RejectedRowEntry}). Not through JPA: persisting and flushing an entity
 * per rejected row cost the projection more than the balances and the transactions together.
 */
final class RejectedRowTable {

    private static final String INSERT = "INSERT INTO rejected_row (id, source, line, reason, detail, client, type,"
            + " tx, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * A rejected row of the current batch. Its id is the position of the event that reported it in
     * the event store: unique, and the same again after a replay. A row an account rejected also
     * names its client, type, tx and amount; a malformed row names none.
     */
    record NewRejection(long id, String source, long line, String reason, String detail,
                        Integer client, String type, Long tx, Long amount) {

        static NewRejection rejected(long eventPosition, TransactionRejected event) {
            return new NewRejection(eventPosition, event.origin().source(), event.origin().line(),
                    event.reason().code(), null, event.client(), event.type().code(), event.tx(),
                    event.amount() == null ? null : event.amount().units());
        }

        static NewRejection malformed(long eventPosition, RowMalformed event) {
            return new NewRejection(eventPosition, event.origin().source(), event.origin().line(),
                    event.reason().code(), event.detail(), null, null, null, null);
        }
    }

    private final JdbcTemplate jdbc;

    RejectedRowTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Collection<NewRejection> rows) {
        JdbcBatches.run(jdbc, INSERT, rows, (statement, row) -> {
            statement.setLong(1, row.id());
            statement.setString(2, row.source());
            statement.setLong(3, row.line());
            statement.setString(4, row.reason());
            statement.setString(5, row.detail());
            JdbcBatches.setInteger(statement, 6, row.client());
            statement.setString(7, row.type());
            JdbcBatches.setLong(statement, 8, row.tx());
            JdbcBatches.setLong(statement, 9, row.amount());
        });
    }

    void deleteAll() {
        jdbc.update("DELETE FROM rejected_row");
    }
}
