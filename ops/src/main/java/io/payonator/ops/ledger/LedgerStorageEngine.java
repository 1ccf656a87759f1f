package io.payonator.ops.ledger;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Axon's JDBC event store, on either backend, except that events appended by an import worker go into the
 * transaction of the chunk it is applying ({@link ChunkTransaction}), where they commit with the
 * rest of the chunk and the import's progress, instead of in a transaction of their own. The
 * events a processor reads parse their timestamp once, quickly ({@link StoredTimestamps}), and
 * the next batch is read while it applies the last ({@link ReadAhead}).
 */
final class LedgerStorageEngine extends JdbcEventStorageEngine {

    /**
     * Axon's default, set explicitly on the builder. Its gap settings are left at their defaults and
     * never matter: the tokens this engine builds carry no gaps ({@link #getTrackedEventData}), and a
     * token stored with gaps before it did drops them at the first event read after it.
     */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final ReadAhead readAhead = new ReadAhead(super::fetchTrackedEvents);
    private final StorageBackend backend;
    private final PersistenceExceptionResolver duplicates;
    /** Whether the events' tx-id reservations are stored: not in a temporary ledger ({@link TxReservations#STORED_PROPERTY}). */
    private final boolean storesReservations;

    LedgerStorageEngine(Builder builder, StorageBackend backend, PersistenceExceptionResolver duplicates,
                        boolean storesReservations) {
        super(builder.lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE).persistenceExceptionResolver(duplicates));
        this.backend = backend;
        this.duplicates = duplicates;
        this.storesReservations = storesReservations;
    }

    /**
     * Every append, in its own transaction or a chunk's: the backend first makes positions follow
     * commit order, then the events' tx-id reservations are stored with them ({@link TxReservationTable}).
     */
    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        backend.beforeAppend(connection);
        if (storesReservations) {
            TxReservationTable.insert(connection, events, duplicates);
        }
        return super.appendEvents(connection, events, serializer);
    }

    /** Axon's text, written by {@link StoredTimestamps#format}. */
    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setString(position, StoredTimestamps.format(timestamp));
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return readAhead.fetch(lastToken, batchSize);
    }

    /** Axon's own method, but with an entry that keeps the timestamp it parsed. */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        StoredEvent event = new StoredEvent(
                resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                resultSet.getString(schema.timestampColumn()),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
        // no gaps: every append draws its positions and commits while no other append can (SQLite's
        // one writer; PostgresBackend's lock), so a hole is a rolled-back transaction's and never
        // fills. Axon's tokens would carry the holes near the head, copied for every event read:
        // after a chunk of thousands rolled back, a batch's tokens alone outgrew a small heap.
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalSequence, Collections.emptySortedSet())
                : previousToken.advanceTo(globalSequence, 0);
        return new TrackedDomainEventData<>(token, event);
    }

    private static final class StoredEvent extends GenericDomainEventEntry<Object> {

        private final Instant timestamp;

        StoredEvent(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                    String timestamp, String payloadType, String payloadRevision, Object payload, Object metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType,
                    payloadRevision, payload, metaData);
            this.timestamp = StoredTimestamps.parse(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        ChunkTransaction chunk = ChunkTransaction.bound();
        if (chunk == null || events.isEmpty()) {
            super.appendEvents(events, serializer);
            return;
        }
        try {
            chunk.write(connection -> {
                try (PreparedStatement statement = appendEvents(connection, events, serializer)) {
                    return statement.executeBatch();
                }
            });
        } catch (SQLException e) {
            handlePersistenceException(e, events.get(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while appending events to the import's transaction", e);
        }
    }
}
