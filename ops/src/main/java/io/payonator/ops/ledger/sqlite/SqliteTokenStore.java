package io.payonator.ops.ledger.sqlite;

import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Axon's JDBC token store without {@code SELECT ... FOR UPDATE}, which SQLite does not parse.
 * The row lock it asks for is not needed: SQLite lets one writer in at a time, and the
 * ledger's connection pool holds a single connection.
 */
public class SqliteTokenStore extends JdbcTokenStore {

    public SqliteTokenStore(Builder builder) {
        super(builder);
    }

    @Override
    protected PreparedStatement select(Connection connection, String processorName, int segment,
                                       boolean forUpdate) throws SQLException {
        return super.select(connection, processorName, segment, false);
    }
}
