package io.payonator.ops.ledger;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.stream.Stream;

/**
 * Axon's embedded event store, minus the search of staged events when an aggregate is loaded.
 *
 * <p>Axon appends to an aggregate's stored history the events staged for it in the current unit
 * of work, found by scanning every staged event with a list lookup each: quadratic in the size of
 * the unit of work. The importer stages tens of thousands of events per unit of work and loads a
 * new client in it thousands of times, so that scan dominated. It never finds anything here: an
 * aggregate has staged events only after the repository has loaded it in this unit of work, and
 * the repository then serves that same instance without reading the store again.
 */
public class LedgerEventStore extends EmbeddedEventStore {

    public LedgerEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventMessage<?>> stagedDomainEventMessages(String aggregateIdentifier) {
        return Stream.empty();
    }
}
