package io.payonator.ops.web;

import io.payonator.ops.ledger.EventStoreConnections;
import io.payonator.ops.ledger.ProjectionCatchUp;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the balance projection is behind the event store, in events, for health and metrics:
 * from values in memory, so that it answers at once however large the ledger and whatever a write
 * is doing. The projection's position is its processor's token. The store's last position is read
 * once, then again after every write: the service is the only process writing its ledger (the
 * ledger lock), and {@link OnlineIntake} says when it has stored events.
 */
@Component
class ProjectionLag {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);
    private static final long UNKNOWN = -1;
    /**
     * A plain max over the rowid, which SQLite answers from the b-tree's last page. Axon's head token
     * query scans every event here (its HAVING clause defeats SQLite's min/max optimisation).
     */
    private static final String LAST_POSITION;

    static {
        EventSchema schema = new EventSchema();
        LAST_POSITION = "SELECT max(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable();
    }

    private final ProjectionCatchUp projection;
    private final ConnectionProvider connections;
    /** Only grows: events are never removed, and a read that finished late must not undo a later one. */
    private final AtomicLong lastStored = new AtomicLong(UNKNOWN);

    ProjectionLag(ProjectionCatchUp projection, EventStoreConnections connections) {
        this.projection = projection;
        this.connections = connections.connectionProvider();
    }

    /** Events stored that the projection has not applied yet: 0 when it has caught up; every event when it has applied none. */
    long events() {
        if (lastStored.get() == UNKNOWN) {
            // not in the constructor: on a new ledger the event table exists only once the migrations ran
            readLastStored();
        }
        return Math.max(lastStored.get() - applied(), 0);
    }

    /**
     * Called after events were stored. A failure to read the position does not fail the write, which
     * is committed: the lag reads low until the next write reads it again.
     */
    void eventsStored() {
        try {
            readLastStored();
        } catch (IllegalStateException e) {
            log.warn("could not read the event store's last position after a write; the projection lag may read"
                    + " low until the next write: {}", e.getMessage(), e);
        }
    }

    private void readLastStored() {
        try (Connection connection = connections.getConnection();
             Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery(LAST_POSITION)) {
            // an empty store gives NULL, read as 0: positions start at 1
            long position = last.next() ? last.getLong(1) : 0;
            lastStored.accumulateAndGet(position, Math::max);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store's last position: " + e.getMessage(), e);
        }
    }

    /** The position every segment of the projection has applied; 0 when it has none (not running, or reset). */
    private long applied() {
        return projection.processor().processingStatus().values().stream()
                .mapToLong(segment -> position(segment.getTrackingToken()))
                .min().orElse(0);
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
