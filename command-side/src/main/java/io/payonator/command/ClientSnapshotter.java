package io.payonator.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Snapshots of {@link Client} aggregates, every {@code everyEvents} events of a client: loading a
 * client with a long history then reads its latest snapshot and the events after it, not all of
 * them. Axon's snapshotter builds each snapshot from the stored events, so a snapshot only ever
 * covers committed events, on a thread of its own after the unit of work commits: a writer never
 * waits for it (on SQLite it waits for the write lock, which an import chunk holds).
 */
public final class ClientSnapshotter implements AutoCloseable {

    private static final long DRAIN_SECONDS = 30;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "client-snapshots");
        thread.setDaemon(true);
        return thread;
    });
    private final SnapshotTriggerDefinition trigger;

    /**
     * @param handlerParameters what the client's handlers may ask for beside the message
     * @param everyEvents events of a client between snapshots; 0 for none
     */
    public ClientSnapshotter(EventStore eventStore, ParameterResolverFactory handlerParameters, int everyEvents) {
        AggregateSnapshotter snapshotter = new CommittedEventsSnapshotter(AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .parameterResolverFactory(handlerParameters)
                .aggregateFactories(new GenericAggregateFactory<>(
                        AnnotatedAggregateMetaModelFactory.inspectAggregate(Client.class, handlerParameters)))
                .executor(executor));
        trigger = everyEvents > 0 ? new EventCountSnapshotTriggerDefinition(snapshotter, everyEvents)
                : NoSnapshotTriggerDefinition.INSTANCE;
    }

    /**
     * Axon's snapshotter, but one that finds no stored event yet makes no snapshot: an import's
     * events are stored when its chunk commits, which may be after the unit of work that asked for
     * the snapshot (Axon's would fail on the empty stream). The next trigger snapshots them.
     */
    private static final class CommittedEventsSnapshotter extends AggregateSnapshotter {

        CommittedEventsSnapshotter(Builder builder) {
            super(builder);
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected DomainEventMessage createSnapshot(Class<?> aggregateType, String aggregateIdentifier,
                                                   DomainEventStream eventStream) {
            return eventStream.hasNext() ? super.createSnapshot(aggregateType, aggregateIdentifier, eventStream) : null;
        }
    }

    public SnapshotTriggerDefinition trigger() {
        return trigger;
    }

    /** Lets the snapshots already scheduled finish, so that none is cut off with the connections. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
