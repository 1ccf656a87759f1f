package io.payonator.command;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the {@link Client} aggregate names in its {@code @Aggregate} annotation. */
@Configuration(proxyBeanMethods = false)
public class ClientAggregateConfiguration {

    public static final String REPOSITORY = "clientRepository";
    public static final String TARGET_RESOLVER = "clientTargetResolver";

    @Bean(REPOSITORY)
    public Repository<Client> clientRepository(EventStore eventStore, ClientCache clientCache) {
        return new ClientRepository(EventSourcingRepository.builder(Client.class)
                .eventStore(eventStore)
                .cache(clientCache));
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
