package io.payonator.ops.ledger;

import io.payonator.query.BalanceProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import java.util.List;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

/** Waits until the balance projection has applied every event in the store, or says why it cannot. */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);

    private static final long POLL_MILLIS = 5;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    /** The projection's tokens, for a pooled projection, whose segments may be spread over the nodes of a cluster. */
    private final ProjectionTokens tokens;
    /** Whether this process runs the projection (not a cluster's import, nor a reader beside the writer). */
    private final boolean projectsHere;

    ProjectionCatchUp(EventProcessingConfiguration processing, EventStore eventStore,
                      EventStoreConnections connections, Serializer serializer,
                      @Value("${" + Ledger.PROJECTION_AUTO_START + ":true}") boolean projectsHere) {
        this.processing = processing;
        this.projectsHere = projectsHere;
        this.eventStore = eventStore;
        this.tokens = new ProjectionTokens(connections, serializer);
    }

    /**
     * Whether other processes apply some or all of the events: the segments of a pooled projection
     * may be held by any node of a cluster, and a cluster's import (like a reader beside the writer)
     * runs no projection of its own.
     * The token store knows every segment, whoever holds it.
     */
    private boolean projectedElsewhere() {
        return !projectsHere || processor() instanceof PooledStreamingEventProcessor;
    }

    /** The segments of the projection this process holds, by id. */
    public List<Integer> segmentsHeld() {
        return processor().processingStatus().keySet().stream().sorted().toList();
    }

    public StreamingEventProcessor processor() {
        return processing.eventProcessor(BalanceProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor '"
                        + BalanceProjection.PROCESSING_GROUP + "' is configured"));
    }

    /**
     * @throws ProjectionFailedException if the projection reports an error, or does not catch up in time
     */
    public void await(Duration timeout) throws InterruptedException {
        long head = head().orElse(-1);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (!caughtUpTo(head)) {
            if (System.nanoTime() > deadline) {
                throw new ProjectionFailedException("the balance projection did not catch up with event "
                        + head + " within " + timeout, null);
            }
            Thread.sleep(POLL_MILLIS);
        }
        log.debug("balance projection caught up with event {} after {} ms", head, (System.nanoTime() - start) / 1_000_000);
    }

    /** The position of the last event in the store; empty when it holds none. */
    public OptionalLong head() {
        return position(eventStore.createHeadToken());
    }

    /**
     * The position every segment of the projection has applied, whichever process holds it; 0 when
     * it has none (not running, or reset).
     */
    public long applied() {
        if (projectedElsewhere()) {
            return tokens.appliedBySlowestSegment().orElse(0);
        }
        return processor().processingStatus().values().stream()
                .mapToLong(segment -> position(segment.getTrackingToken()).orElse(0))
                .min().orElse(0);
    }

    /**
     * The error that stopped the projection, if it is stopped by one: a failed batch, which it
     * retries, or an error its thread died of.
     */
    public Optional<Throwable> failure() {
        Optional<Throwable> failedBatch = processor().processingStatus().values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(EventTrackerStatus::getError)
                .findFirst();
        return failedBatch.isPresent() ? failedBatch : threadDied();
    }

    /**
     * A tracking processor whose thread died of an uncaught error (an {@link Error}, such as running
     * out of memory) is paused in an error state with no segment left to report it, and would never
     * catch up. Axon logs the error itself. (A pooled processor's error state is its coordinator
     * backing off before it retries.)
     */
    private Optional<Throwable> threadDied() {
        if (!projectsHere || !(processor() instanceof TrackingEventProcessor tracking) || !tracking.isError()) {
            return Optional.empty();
        }
        return Optional.of(new ProjectionFailedException("the balance projection's thread stopped on an error it"
                + " could not recover from (logged by Axon's TrackingEventProcessor; --debug shows its stack trace)",
                null));
    }

    private boolean caughtUpTo(long head) {
        Optional<Throwable> failure = failure();
        if (failure.isPresent()) {
            throw failure.get() instanceof ProjectionFailedException failed ? failed
                    : new ProjectionFailedException("the balance projection failed: " + failure.get().getMessage(),
                    failure.get());
        }
        Collection<EventTrackerStatus> segments = processor().processingStatus().values();
        if (projectedElsewhere()) {
            return tokens.appliedBySlowestSegment().orElse(-1) >= head;
        }
        // caught up only once a worker says so, not when the launcher has just claimed a token that
        // happens to be at the head: Axon loses the processor's only thread if it is shut down in
        // between (TrackingEventProcessor.WorkerLauncher.cleanUp), and a replay shuts it down next
        return !segments.isEmpty() && segments.stream().allMatch(segment -> segment.isCaughtUp()
                && position(segment.getTrackingToken()).orElse(-1) >= head);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
