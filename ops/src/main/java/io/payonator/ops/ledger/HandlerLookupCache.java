package io.payonator.ops.ledger;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projection's handlers, asked once per kind of event whether they handle it. Axon asks for
 * every event, twice (the processor before batching it, the invoker again while handling it), by
 * matching the event against each handler method: an eighth of the projection thread's time. The
 * answer depends only on what is cached here: the invoker asked, the payload type, and whether
 * the event is being replayed (handlers that do not support a reset skip replays). Other segments
 * than the whole stream, whose answer also depends on the event's sequence, are always asked.
 */
final class HandlerLookupCache implements EventHandlerInvoker {

    private record Question(EventHandlerInvoker invoker, Class<?> payloadType, boolean replay) {
    }

    private final EventHandlerInvoker delegate;
    /** The invokers Axon would ask in turn: those of a multi-invoker, or the one delegate. */
    private final List<EventHandlerInvoker> invokers;
    private final Map<Question, Boolean> answers = new ConcurrentHashMap<>();

    HandlerLookupCache(EventHandlerInvoker delegate) {
        this.delegate = delegate;
        this.invokers = delegate instanceof MultiEventHandlerInvoker multi ? multi.delegates() : List.of(delegate);
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        for (EventHandlerInvoker invoker : invokers) {
            if (handles(invoker, eventMessage, segment)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        for (EventHandlerInvoker invoker : invokers) {
            if (handles(invoker, message, segment)) {
                invoker.handle(message, segment);
            }
        }
    }

    /** What {@link MultiEventHandlerInvoker} asks each of its invokers, answered once per question. */
    private boolean handles(EventHandlerInvoker invoker, EventMessage<?> message, Segment segment) {
        boolean replay = ReplayToken.isReplay(message);
        if (!Segment.ROOT_SEGMENT.equals(segment)) {
            return ask(invoker, message, segment, replay);
        }
        return answers.computeIfAbsent(new Question(invoker, message.getPayloadType(), replay),
                question -> ask(invoker, message, segment, replay));
    }

    private static boolean ask(EventHandlerInvoker invoker, EventMessage<?> message, Segment segment, boolean replay) {
        return (!replay || invoker.supportsReset()) && invoker.canHandle(message, segment);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return delegate.canHandleType(payloadType);
    }

    @Override
    public boolean supportsReset() {
        return delegate.supportsReset();
    }

    @Override
    public void performReset() {
        delegate.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        delegate.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegate.segmentReleased(segment);
    }
}
