package io.payonator.command;

import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.LockAwareAggregate;

import java.util.Map;

/**
 * The repository of {@link Client} aggregates: Axon's caching event-sourcing repository, keeping
 * the aggregates of a unit of work in {@link ManagedAggregates} so that a unit of work with many
 * clients does not cost quadratic time at commit.
 */
final class ClientRepository extends CachingEventSourcingRepository<Client> {

    private final String managedKey = this + "_MANAGED";

    ClientRepository(Builder<Client> builder) {
        super(builder);
    }

    @Override
    protected Map<String, LockAwareAggregate<Client, EventSourcedAggregate<Client>>> managedAggregates(
            UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(managedKey, key -> new ManagedAggregates<>());
    }
}
