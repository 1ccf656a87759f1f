package io.payonator.command;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.config.annotation.SpringBeanParameterResolverFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the {@link Client} aggregate names in its {@code @Aggregate} annotation. */
@Configuration(proxyBeanMethods = false)
public class ClientAggregateConfiguration {

    public static final String REPOSITORY = "clientRepository";
    public static final String TARGET_RESOLVER = "clientTargetResolver";

    @Bean(REPOSITORY)
    public Repository<Client> clientRepository(EventStore eventStore, ClientCache clientCache,
                                               ClientSnapshotter snapshotter, ApplicationContext context) {
        return new ClientRepository(EventSourcingRepository.builder(Client.class)
                .eventStore(eventStore)
                .cache(clientCache)
                .snapshotTriggerDefinition(snapshotter.trigger())
                .parameterResolverFactory(handlerParameters(context)));
    }

    /**
     * The repository and the snapshotter each inspect the aggregate's handlers themselves: they are
     * given Spring's beans as handler parameters too, for {@link StoredDeposits}.
     */
    static ParameterResolverFactory handlerParameters(ApplicationContext context) {
        return MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(Client.class),
                new SpringBeanParameterResolverFactory(context));
    }

    /** A snapshot every {@code payonator.snapshots.every-events} events of a client (0: none). */
    @Bean(destroyMethod = "close")
    public ClientSnapshotter clientSnapshotter(EventStore eventStore, ApplicationContext context,
                                               @Value("${payonator.snapshots.every-events:500}") int everyEvents) {
        return new ClientSnapshotter(eventStore, handlerParameters(context), everyEvents);
    }

    /** The clients in memory; a job whose events were rolled back empties it. */
    @Bean
    public ClientCache clientCache() {
        return new ClientCache();
    }

    @Bean(TARGET_RESOLVER)
    public CommandTargetResolver clientTargetResolver() {
        return new ClientTargetResolver();
    }
}
