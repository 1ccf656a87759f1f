package io.payonator.ops.ledger;

import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache gives Axon's own answers, asking each invoker once per kind of event on the whole
 * stream, and keeps replays apart: handlers that disallow replay must not see a replayed event.
 */
class HandlerLookupCacheTest {

    static class Balances {
        final List<Object> seen = new ArrayList<>();

        @EventHandler
        void on(String event) {
            seen.add(event);
        }
    }

    @DisallowReplay
    static class Notifications {
        final List<Object> seen = new ArrayList<>();

        @EventHandler
        void on(String event) {
            seen.add(event);
        }

        @EventHandler
        void on(Long event) {
            seen.add(event);
        }
    }

    /** Counts how often it is asked whether it can handle an event. */
    static final class Asked implements EventHandlerInvoker {
        final EventHandlerInvoker delegate;
        int times;

        Asked(Object handler) {
            this.delegate = SimpleEventHandlerInvoker.builder().eventHandlers(handler).build();
        }

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            times++;
            return delegate.canHandle(eventMessage, segment);
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) throws Exception {
            delegate.handle(message, segment);
        }

        @Override
        public boolean supportsReset() {
            return delegate.supportsReset();
        }
    }

    private final Balances balances = new Balances();
    private final Notifications notifications = new Notifications();
    private final Asked balancesAsked = new Asked(balances);
    private final Asked notificationsAsked = new Asked(notifications);
    private final HandlerLookupCache cache = new HandlerLookupCache(
            new MultiEventHandlerInvoker(balancesAsked, notificationsAsked));

    @Test
    void answersAsAxonDoesAskingEachInvokerOncePerKindOfEvent() throws Exception {
        MultiEventHandlerInvoker axon = new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(new Balances()).build(),
                SimpleEventHandlerInvoker.builder().eventHandlers(new Notifications()).build());
        List<EventMessage<?>> events = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            events.add(tracked("deposit " + i));
            events.add(tracked(i));
            events.add(tracked((int) i));
        }

        for (EventMessage<?> event : events) {
            assertThat(cache.canHandle(event, Segment.ROOT_SEGMENT)).as("%s", event.getPayload())
                    .isEqualTo(axon.canHandle(event, Segment.ROOT_SEGMENT));
            cache.handle(event, Segment.ROOT_SEGMENT);
        }

        assertThat(balancesAsked.times).as("once each for String, Long and Integer").isEqualTo(3);
        assertThat(notificationsAsked.times).isEqualTo(3);
        assertThat(balances.seen).hasSize(100).allMatch(String.class::isInstance);
        assertThat(notifications.seen).hasSize(200).noneMatch(Integer.class::isInstance);
    }

    @Test
    void aReplayedEventSkipsHandlersThatDisallowReplayAndIsAnsweredApart() throws Exception {
        EventMessage<?> replayed = replayed("deposit 1");
        assertThat(ReplayToken.isReplay(replayed)).isTrue();

        cache.handle(tracked("deposit 0"), Segment.ROOT_SEGMENT);
        cache.handle(replayed, Segment.ROOT_SEGMENT);
        cache.handle(tracked("deposit 2"), Segment.ROOT_SEGMENT);

        assertThat(balances.seen).containsExactly("deposit 0", "deposit 1", "deposit 2");
        assertThat(notifications.seen).containsExactly("deposit 0", "deposit 2");
        assertThat(cache.canHandle(replayed(7L), Segment.ROOT_SEGMENT)).isFalse();
        assertThat(cache.canHandle(tracked(7L), Segment.ROOT_SEGMENT)).isTrue();
    }

    @Test
    void onAPartOfTheStreamEveryEventIsAsked() {
        Segment half = Segment.ROOT_SEGMENT.split()[0];

        for (int i = 0; i < 3; i++) {
            cache.canHandle(tracked("deposit " + i), half);
        }

        assertThat(balancesAsked.times).isEqualTo(3);
    }

    private static EventMessage<?> tracked(Object payload) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(5),
                GenericEventMessage.asEventMessage(payload));
    }

    private static EventMessage<?> replayed(Object payload) {
        return new GenericTrackedEventMessage<>(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(5)), GenericEventMessage.asEventMessage(payload));
    }
}
