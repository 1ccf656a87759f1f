package io.payonator.ops.ledger;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's JDBC event store, except that events appended by an import worker go into the
 * transaction of the chunk it is applying ({@link ChunkTransaction}), where they commit with the
 * rest of the chunk and the import's progress, instead of in a transaction of their own.
 */
final class LedgerStorageEngine extends JdbcEventStorageEngine {

    LedgerStorageEngine(Builder builder) {
        super(builder);
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
