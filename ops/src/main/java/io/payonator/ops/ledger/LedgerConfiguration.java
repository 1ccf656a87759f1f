package io.payonator.ops.ledger;

import io.payonator.query.BalanceProjection;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import io.payonator.ops.serialization.ClientSnapshotSerializer;
import io.payonator.ops.serialization.LedgerEventSerializer;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ledger's storage, what both backends share: Axon's JDBC event store (with its own
 * connections), the command bus, the serializers and the balance projection's processor. What
 * each backend alone needs (connections, token store, failures) comes from its own configuration
 * package, {@code ledger.sqlite} or {@code ledger.postgres}, chosen by the ledger's Spring profile.
 * The schema comes from Flyway migrations, one set per backend, not from Axon's table factories.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    /**
     * Whether the projection is a pooled streaming processor, whose segments the nodes of a cluster
     * share, rather than a tracking one. Set for a cluster's nodes only: on one node the tracking
     * processor imported a million rows on PostgreSQL in a third of the time, and replayed them in a
     * fifth (bench, 2026-11-30).
     */
    static final String POOLED_PROPERTY = "payonator.projection.pooled";
    /** The pooled projection's segments: 6 divide evenly over 1, 2 or 3 nodes. */
    static final int PROJECTION_SEGMENTS = 6;

    /** Events read per query when loading aggregates or feeding processors. */
    private static final int EVENT_BATCH_SIZE = 10_000;

    /**
     * Hibernate's EntityManagerFactory is built on a thread of its own while Axon and the rest of
     * the context start on the main one, each on one of two cores. Only the projection's first
     * transaction waits for it. Spring Boot would set its application task executor here only for
     * repositories it configures itself, not for those of {@code @EnableJpaRepositories}
     * ({@code LedgerApplication}, whose deferred bootstrap mode makes this work).
     */
    @Bean
    public EntityManagerFactoryBuilderCustomizer jpaBootstrapOnItsOwnThread() {
        return builder -> {
            SimpleAsyncTaskExecutor bootstrap = new SimpleAsyncTaskExecutor("jpa-bootstrap-");
            bootstrap.setDaemon(true);
            builder.setBootstrapExecutor(bootstrap);
        };
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 EventStoreConnections connections, StorageBackend backend,
                                                 @Value("${" + TxReservations.STORED_PROPERTY + ":true}")
                                                 boolean storesReservations) {
        ClientSnapshotSerializer snapshots = new ClientSnapshotSerializer(defaultSerializer);
        return new LedgerStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshots)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter().combine(snapshots.readableSnapshots()))
                .connectionProvider(connections.connectionProvider())
                .transactionManager(connections.transactionManager())
                .batchSize(EVENT_BATCH_SIZE)
                .createHeadToken(EventStoreQueries::createHeadToken)
                .createTailToken(EventStoreQueries::createTailToken)
                .createTokenAt(EventStoreQueries::createTokenAt)
                .lastSequenceNumberFor(EventStoreQueries::lastSequenceNumberFor)
                .fetchTrackedEvents(EventStoreQueries::fetchTrackedEvents), backend, persistenceExceptionResolver,
                storesReservations);
    }

    /**
     * Commands run without a surrounding database transaction: the event store appends a unit of
     * work's events in one short transaction of its own at commit, so the ledger's single SQLite
     * connection is held only while writing, and the projection can interleave. No correlation
     * interceptor either: events carry no per-command metadata to serialise and store.
     */
    @Bean
    @Qualifier("localSegment")
    public SimpleCommandBus commandBus(org.axonframework.config.Configuration configuration,
                                       DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        return SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .messageMonitor(configuration.messageMonitor(CommandBus.class, "commandBus"))
                .build();
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration) {
        // one processor reads the store: a shared producer thread and event cache would only add a
        // second reader and hold events in the heap; each stream reads the store itself instead
        return new LedgerEventStore(EmbeddedEventStore.builder()
                .optimizeEventConsumption(false)
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    /** Events in a compact binary form; see {@link LedgerEventSerializer}. */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return new LedgerEventSerializer(serializer);
    }

    /**
     * No correlation data: events carry no metadata (the command bus has no correlation interceptor
     * either), and Axon would otherwise build a metadata map for every event the projection handles.
     * Ordered last so that it replaces Axon's default provider list.
     */
    @Bean
    public ConfigurerModule noCorrelationData() {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureCorrelationDataProviders(config -> List.of());
            }

            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    /**
     * The balance projection: one tracking processor (not started in a reader beside another writer), batches of {@code payonator.projection.batch-events}
     * events per transaction (10,000).
     * It waits at most 100 ms for new events, so that it also stops within 100 ms when the
     * command line exits. A projection that fails must stop and say so, not skip the event: the
     * balances would silently be wrong. The processor retries, and the import reports the error.
     * Built as Axon's configuration builds a tracking processor, with the handlers asked once per
     * kind of event whether they handle it ({@link HandlerLookupCache}).
     */
    @Bean
    public ConfigurerModule balanceProjectionProcessor(@Value("${payonator.projection.batch-events}") int batchEvents,
                                                       @Value("${" + Ledger.PROJECTION_AUTO_START + ":true}") boolean autoStart,
                                                       @Value("${" + POOLED_PROPERTY + ":false}") boolean pooled,
                                                       ObjectProvider<ProjectionShare> share,
                                                       EventStoreConnections connections) {
        // the share is looked up when Axon builds the processor, not now: in a cluster it comes from
        // the cluster's channel, whose command bus needs Axon's configuration, which needs this module
        return configurer -> configurer.eventProcessing()
                .registerEventProcessor(BalanceProjection.PROCESSING_GROUP,
                        (name, config, handlers) -> (pooled || splitIntoSegments(connections, config)) && autoStart
                                ? pooledProcessor(name, config, handlers, batchEvents,
                                        share.getIfAvailable(() -> total -> total))
                                : balanceProcessor(name, config, handlers, batchEvents, autoStart))
                .registerListenerInvocationErrorHandler(BalanceProjection.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance());
    }

    /**
     * Whether a cluster left the projection's position in several segments: only a pooled processor
     * follows them all (a single-threaded tracking one would claim one of them).
     */
    private static boolean splitIntoSegments(EventStoreConnections connections,
                                             org.axonframework.config.Configuration config) {
        // a plain read, not Axon's token store in a transaction: on SQLite that would wait for another
        // writer's lock here, before the import's retry loop can report it
        return new ProjectionTokens(connections, config.serializer()).segments() > 1;
    }

    /**
     * In a cluster the projection is Axon's pooled streaming processor over
     * {@value #PROJECTION_SEGMENTS} segments, whose claims are rows of the token store: the nodes of
     * a cluster each claim their share ({@link ProjectionShare}), and when a node dies its claims
     * time out and the others take its segments. A ledger served alone holds them all. A client's
     * events stay in one segment (Axon's sequencing by aggregate), so its balance is applied in order.
     */
    private static EventProcessor pooledProcessor(String name, org.axonframework.config.Configuration config,
                                                  EventHandlerInvoker handlers, int batchEvents,
                                                  ProjectionShare share) {
        EventProcessingConfiguration processing = config.eventProcessingConfiguration();
        return PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(new HandlerLookupCache(handlers))
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .errorHandler(processing.errorHandler(name))
                .messageMonitor(config.messageMonitor(PooledStreamingEventProcessor.class, name))
                .messageSource(config.eventStore())
                .tokenStore(processing.tokenStore(name))
                .transactionManager(processing.transactionManager(name))
                .coordinatorExecutor(threads -> Executors.newScheduledThreadPool(1, daemons(threads)))
                .workerExecutor(threads -> Executors.newScheduledThreadPool(2, daemons(threads)))
                .initialSegmentCount(PROJECTION_SEGMENTS)
                .maxSegmentProvider(group -> share.segmentsFor(PROJECTION_SEGMENTS))
                .batchSize(batchEvents)
                .tokenClaimInterval(1_000)
                .claimExtensionThreshold(2_000)
                .spanFactory(config.getComponent(EventProcessorSpanFactory.class))
                .build();
    }

    /** Daemon threads: they must not keep a command's JVM alive after the ledger is closed. */
    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static EventProcessor balanceProcessor(String name, org.axonframework.config.Configuration config,
                                                   EventHandlerInvoker handlers, int batchEvents,
                                                   boolean autoStart) {
        EventProcessingConfiguration processing = config.eventProcessingConfiguration();
        return TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(new HandlerLookupCache(handlers))
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .errorHandler(processing.errorHandler(name))
                .messageMonitor(config.messageMonitor(TrackingEventProcessor.class, name))
                .messageSource(config.eventStore())
                .tokenStore(processing.tokenStore(name))
                .transactionManager(processing.transactionManager(name))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchEvents)
                        .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS)
                        .andAutoStart(autoStart))
                .spanFactory(config.getComponent(EventProcessorSpanFactory.class))
                .build();
    }
}
