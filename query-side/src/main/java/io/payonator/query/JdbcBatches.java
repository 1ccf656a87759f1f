package io.payonator.query;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.function.Function;

/** The query tables' rows of a projection batch, written with one JDBC batch per statement. */
final class JdbcBatches {

    private JdbcBatches() {
    }

    /** Runs {@code sql} once per row, with the row's parameters; nothing at all for no rows. */
    static <R> void insert(JdbcTemplate jdbc, String sql, Collection<R> rows, Function<R, Object[]> parameters) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.stream().map(parameters).toList());
        }
    }
}
