package io.payonator.ops.web;

import io.payonator.ops.cluster.ClusterMembership;
import org.springframework.beans.factory.ObjectProvider;
import io.payonator.ops.ledger.ProjectionCatchUp;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the balance projection is behind the event store, in events, for health and metrics:
 * from values in memory, so that it answers at once however large the ledger and whatever a write
 * is doing. The projection's position is its processor's token; on PostgreSQL, whose pooled
 * projection may have segments on other nodes, the slowest segment's in the token store (a query of
 * a few rows). The store's last position is read once, then again when asked after a write: a
 * service alone is the only process writing its ledger (the ledger lock), and {@link OnlineIntake}
 * says when it has stored events; a node of a cluster reads it again at most once a second. Not at
 * every write: that was a query per group of requests, for a figure read a few times a minute.
 */
@Component
class ProjectionLag {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);
    private static final long UNKNOWN = -1;

    private final ProjectionCatchUp projection;
    /** Only grows: events are never removed, and a read that finished late must not undo a later one. */
    private final AtomicLong lastStored = new AtomicLong(UNKNOWN);

    /** In a cluster the last position is read again, at most once a second. */
    private static final long REREAD_NANOS = 1_000_000_000L;
    private final boolean clustered;
    private volatile long lastRead;
    /** Events were stored since the last position was read. */
    private volatile boolean stale;

    ProjectionLag(ProjectionCatchUp projection, ObjectProvider<ClusterMembership> cluster) {
        this.projection = projection;
        this.clustered = cluster.getIfAvailable() != null;
    }

    /** Events stored that the projection has not applied yet: 0 when it has caught up; every event when it has applied none. */
    long events() {
        long now = System.nanoTime();
        if (lastStored.get() == UNKNOWN || (clustered && now - lastRead > REREAD_NANOS)) {
            // not in the constructor: on a new ledger the event table exists only once the migrations ran;
            // in a cluster other nodes store events too, and this node hears of none of them
            lastRead = now;
            readLastStored();
        } else if (stale) {
            readAfterWrites();
        }
        return Math.max(lastStored.get() - projection.applied(), 0);
    }

    /** Called after events were stored: the next question reads the last position again. */
    void eventsStored() {
        stale = true;
    }

    /**
     * A failure to read the position fails no one: the lag reads low until it is asked again, and the
     * writes it follows are committed.
     */
    private void readAfterWrites() {
        stale = false;
        try {
            readLastStored();
        } catch (EventStoreException e) {
            stale = true;
            log.warn("could not read the event store's last position after a write; the projection lag may read"
                    + " low until it is asked again: {}", e.getMessage(), e);
        }
    }

    private void readLastStored() {
        // an empty store has no last event: positions start at 1
        lastStored.accumulateAndGet(projection.head().orElse(0), Math::max);
    }
}
