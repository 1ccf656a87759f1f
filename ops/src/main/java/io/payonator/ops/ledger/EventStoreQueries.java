package io.payonator.ops.ledger;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * The event store's queries for the first or last position, on both backends. Axon's aggregate queries ({@code min}/{@code max}), rewritten as "the first row in index order",
 * which returns no row instead of a NULL row when nothing matches. Axon reads their result with
 * {@code getObject(i, Long.class)}, which sqlite-jdbc refuses for NULL ("Bad value for type Long");
 * with no row Axon sees "none", as it does with the NULL on other databases. Ordering and
 * {@code LIMIT 1} also keep SQLite reading a single index entry: wrapping the aggregate (in a
 * {@code HAVING} clause or a subquery) defeats its min/max optimisation and scans every event.
 * PostgreSQL reads one index entry for them as well.
 */
final class EventStoreQueries {

    private EventStoreQueries() {
    }

    static PreparedStatement createHeadToken(Connection connection, EventSchema schema) throws SQLException {
        return connection.prepareStatement(first(schema.globalIndexColumn(), schema, "",
                schema.globalIndexColumn() + " DESC"));
    }

    static PreparedStatement createTailToken(Connection connection, EventSchema schema) throws SQLException {
        return connection.prepareStatement(first(schema.globalIndexColumn() + " - 1", schema, "",
                schema.globalIndexColumn()));
    }

    static PreparedStatement createTokenAt(Connection connection, EventSchema schema, Instant dateTime)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(first(schema.globalIndexColumn() + " - 1", schema,
                " WHERE " + schema.timestampColumn() + " >= ?", schema.globalIndexColumn()));
        statement.setString(1, formatInstant(dateTime));
        return statement;
    }

    static PreparedStatement lastSequenceNumberFor(Connection connection, EventSchema schema,
                                                   String aggregateIdentifier) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(first(schema.sequenceNumberColumn(), schema,
                " WHERE " + schema.aggregateIdentifierColumn() + " = ?", schema.sequenceNumberColumn() + " DESC"));
        statement.setString(1, aggregateIdentifier);
        return statement;
    }

    static PreparedStatement fetchTrackedEvents(Connection connection, EventSchema schema, long index)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(first(schema.globalIndexColumn(), schema,
                " WHERE " + schema.globalIndexColumn() + " > ?", schema.globalIndexColumn()));
        statement.setLong(1, index);
        return statement;
    }

    /** {@code value} of the first matching event in {@code order}: the min or max, or no row. */
    private static String first(String value, EventSchema schema, String where, String order) {
        return "SELECT " + value + " FROM " + schema.domainEventTable() + where + " ORDER BY " + order + " LIMIT 1";
    }
}
