package io.payonator.ops.ledger;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * Axon's aggregate queries ({@code min}/{@code max}), rewritten to return no row instead of a NULL
 * row when nothing matches. Axon reads their result with {@code getObject(i, Long.class)}, which
 * sqlite-jdbc refuses for NULL ("Bad value for type Long"); with no row Axon sees "none", as it does
 * with the NULL on other databases.
 */
final class SqliteEventStatements {

    private SqliteEventStatements() {
    }

    static PreparedStatement createHeadToken(Connection connection, EventSchema schema) throws SQLException {
        return connection.prepareStatement(nonNull("max(" + schema.globalIndexColumn() + ")", schema, ""));
    }

    static PreparedStatement createTailToken(Connection connection, EventSchema schema) throws SQLException {
        return connection.prepareStatement(nonNull("min(" + schema.globalIndexColumn() + ") - 1", schema, ""));
    }

    static PreparedStatement createTokenAt(Connection connection, EventSchema schema, Instant dateTime)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(nonNull("min(" + schema.globalIndexColumn() + ") - 1",
                schema, " WHERE " + schema.timestampColumn() + " >= ?"));
        statement.setString(1, formatInstant(dateTime));
        return statement;
    }

    static PreparedStatement lastSequenceNumberFor(Connection connection, EventSchema schema,
                                                   String aggregateIdentifier) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(nonNull("max(" + schema.sequenceNumberColumn() + ")",
                schema, " WHERE " + schema.aggregateIdentifierColumn() + " = ?"));
        statement.setString(1, aggregateIdentifier);
        return statement;
    }

    static PreparedStatement fetchTrackedEvents(Connection connection, EventSchema schema, long index)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(nonNull("min(" + schema.globalIndexColumn() + ")",
                schema, " WHERE " + schema.globalIndexColumn() + " > ?"));
        statement.setLong(1, index);
        return statement;
    }

    private static String nonNull(String aggregate, EventSchema schema, String where) {
        return "SELECT " + aggregate + " FROM " + schema.domainEventTable() + where
                + " HAVING " + aggregate + " IS NOT NULL";
    }
}
