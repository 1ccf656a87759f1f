package io.payonator.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;

/**
 * The query tables' rows of a projection batch, written with one JDBC batch per statement. Each
 * table binds its rows' fields with the typed setters itself: Spring's batch of {@code Object[]}
 * rows allocated an array per row and looked up every value's SQL type, a quarter of the
 * projection's time in a million-row import.
 */
final class JdbcBatches {

    /** Sets a row's parameters on the statement. */
    @FunctionalInterface
    interface Binder<R> {
        void bind(PreparedStatement statement, R row) throws SQLException;
    }

    private JdbcBatches() {
    }

    /** Runs {@code sql} once per row, bound by {@code binder}; nothing at all for no rows. */
    static <R> int[] run(JdbcTemplate jdbc, String sql, Collection<R> rows, Binder<R> binder) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return jdbc.execute(sql, (PreparedStatementCallback<int[]>) statement -> {
            for (R row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
