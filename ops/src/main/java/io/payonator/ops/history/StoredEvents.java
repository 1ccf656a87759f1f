package io.payonator.ops.history;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The event store's table read directly, in position order: Axon's own readers give no positions
 * for an aggregate's events, and start from its snapshot. Positions are {@code globalIndex}, which
 * both backends hand out in commit order, so a position once reported keeps its meaning.
 */
final class StoredEvents {

    /** One stored event: its position, when it was recorded, and its payload. */
    record StoredEvent(long position, Instant recorded, Object payload) {
    }

    /** What to do with each event of a walk. */
    @FunctionalInterface
    interface EventAction {
        void accept(StoredEvent event);
    }

    private static final String COLUMNS = "SELECT globalIndex, timeStamp, payloadType, payloadRevision, payload"
            + " FROM DomainEventEntry";
    /** Rows a PostgreSQL cursor fetches at a time when a walk reads the whole store. */
    private static final int FETCH_SIZE = 10_000;

    private final Serializer serializer;

    StoredEvents(Serializer serializer) {
        this.serializer = serializer;
    }

    /** The last position written, 0 for an empty store. */
    static long head(JdbcOperations jdbc) {
        List<Long> last = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry ORDER BY globalIndex DESC LIMIT 1",
                Long.class);
        return last.isEmpty() ? 0 : last.get(0);
    }

    /**
     * The last position recorded at or before {@code time}, 0 if none. Axon writes every timestamp
     * in one fixed-width UTC layout, so comparing the text compares the times.
     */
    static long lastRecordedBy(JdbcOperations jdbc, Instant time) {
        List<Long> last = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry WHERE timeStamp <= ?"
                + " ORDER BY globalIndex DESC LIMIT 1", Long.class, DateTimeUtils.formatInstant(time));
        return last.isEmpty() ? 0 : last.get(0);
    }

    /** The events of aggregate {@code aggregate} at positions up to {@code upTo}, in position order. */
    void ofAggregate(JdbcOperations jdbc, String aggregate, long upTo, EventAction action) {
        jdbc.query(COLUMNS + " WHERE aggregateIdentifier = ? AND globalIndex <= ? ORDER BY globalIndex",
                rs -> {
                    action.accept(event(rs));
                }, aggregate, upTo);
    }

    /** Every event at positions up to {@code upTo}, in position order, streamed rather than held. */
    void upTo(JdbcOperations jdbc, long upTo, EventAction action) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(COLUMNS + " WHERE globalIndex <= ?"
                    + " ORDER BY globalIndex");
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, upTo);
            return statement;
        }, rs -> {
            action.accept(event(rs));
        });
    }

    private StoredEvent event(ResultSet rs) throws SQLException {
        SimpleSerializedObject<byte[]> payload = new SimpleSerializedObject<>(rs.getBytes("payload"), byte[].class,
                rs.getString("payloadType"), rs.getString("payloadRevision"));
        return new StoredEvent(rs.getLong("globalIndex"), DateTimeUtils.parseInstant(rs.getString("timeStamp")),
                serializer.deserialize(payload));
    }
}
